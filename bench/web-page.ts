/**
 * What the browser bench runs inside the page, and the Node side of it.
 *
 * The in-page part is a plain string (not a serialised function: tsx would add helpers such as
 * `__name` to a function's text, which do not exist in the page). It is installed with
 * `addInitScript`, so it runs before the app on every navigation, and offers `window.__bb`:
 *
 * - `load`: a requestAnimationFrame sampler that notes, per frame, the viewport transform and the
 *   React Flow nodes and link labels in the DOM; `lastChange` is the frame time of the last change.
 * - `ws`: every socket.io `patch`/`snapshot` message received on a WebSocket, with its arrival time
 *   (the page's WebSocket class is wrapped; socket.io's own handler runs after ours, same task).
 * - `longtasks`: the Long Tasks API's entries (main-thread tasks over 50 ms).
 * - `fpsStart()`/`fpsStop()`: every requestAnimationFrame callback time in between.
 * - `arm(id, selector, present)`/`result(id)`: a MutationObserver that notes when `selector` first
 *   matches (or stops matching), and the time of the next animation frame after that.
 *
 * Times named `…Epoch` are `performance.timeOrigin + performance.now()` (ms since 1970, sub-ms);
 * the others are `performance.now()`, i.e. ms since the navigation started.
 */
import type { CDPSession, Page } from 'playwright-core';
import { spread } from './stats.js';
import { epochNow } from './web-engine.js';
import { firstUsable, type BridgeChange, type LongTask } from './web-usable.js';

export const PAGE_SCRIPT = String.raw`
(() => {
  if (window.__bb) return;
  const epoch = () => performance.timeOrigin + performance.now();
  const bb = { ws: [], wsOpened: 0, wsClosed: 0, longtasks: [], waits: {}, fps: null };
  window.__bb = bb;

  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      bb.wsOpened++;
      this.addEventListener('close', () => bb.wsClosed++);
      this.addEventListener('message', (e) => {
        if (typeof e.data !== 'string') return;
        const m = /^42\["(\w+)"/.exec(e.data);
        if (!m || (m[1] !== 'patch' && m[1] !== 'snapshot')) return;
        bb.ws.push({ epoch: epoch(), kind: m[1], bytes: e.data.length, text: m[1] === 'patch' ? e.data : '' });
      });
    }
  };

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bb.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}

  bb.load = { history: [], stop: false, firstNode: null, firstBench: null, lastChange: null, sig: '', nodes: 0, hidden: 0, bridges: 0, chips: 0, links: 0, transform: '' };
  // For "first usable": every change to the viewport or to the bbwebbench- bridges in the DOM (how
  // many, how many unmeasured). Bridges only: at far zoom chips and links may not be drawn at all.
  bb.bridgeLog = [];
  let bridgeSig = '';
  // Cheap enough to run every frame on a board of thousands: it walks only the children of the
  // node layer and of the link-label layer, no selector queries over the whole document.
  const sample = () => {
    const L = bb.load;
    if (L.stop) return;
    const vp = document.querySelector('.react-flow__viewport');
    const layer = vp && vp.querySelector(':scope > .react-flow__nodes');
    if (layer) {
      const t = performance.now();
      let bridges = 0, chips = 0, mine = 0, hidden = 0, links = 0, myLinks = 0, myBridges = 0, hiddenBridges = 0;
      for (const node of layer.children) {
        const inner = node.firstElementChild;
        const name = inner && (inner.getAttribute('data-network') ?? inner.getAttribute('data-container'));
        if (name === null || name === undefined) continue;
        if (inner.hasAttribute('data-network')) bridges++;
        else chips++;
        // Only the bench's own elements count for "drawn": other clients' objects come and go meanwhile.
        if (!name.startsWith('bbwebbench-')) continue;
        mine++;
        const unmeasured = node.style.visibility === 'hidden';
        if (unmeasured) hidden++;
        if (inner.hasAttribute('data-network')) {
          myBridges++;
          if (unmeasured) hiddenBridges++;
        }
      }
      const bsig = [vp.style.transform, myBridges, hiddenBridges].join('|');
      if (bsig !== bridgeSig && bb.bridgeLog.length < 5000) {
        bridgeSig = bsig;
        bb.bridgeLog.push({ t, bridges: myBridges, hidden: hiddenBridges });
      }
      const labels = vp.querySelector(':scope > .react-flow__edgelabel-renderer');
      for (const label of labels ? labels.children : []) {
        const key = label.getAttribute('data-endpoint');
        if (key === null) continue;
        links++;
        if (key.startsWith('bbwebbench-') || key.includes('/bbwebbench-')) myLinks++;
      }
      if (bridges + chips && L.firstNode === null) L.firstNode = t;
      if (mine && L.firstBench === null) L.firstBench = t;
      const sig = [vp.style.transform, mine, hidden, myLinks].join('|');
      if (sig !== L.sig) {
        if (L.history.length < 100) L.history.push(Math.round(t) + ' ' + sig);
        Object.assign(L, { sig, lastChange: t, hidden, transform: vp.style.transform, nodes: bridges + chips, bridges, chips, links });
      }
    }
    requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);

  bb.fpsStart = () => {
    const run = { frames: [], running: true, t0: performance.now() };
    bb.fps = run;
    const frame = (t) => {
      if (!run.running) return;
      run.frames.push(t);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  };
  bb.fpsStop = () => {
    const run = bb.fps;
    run.running = false;
    const from = performance.timeOrigin + run.t0;
    const patches = bb.ws.filter((m) => m.kind === 'patch' && m.epoch >= from).length;
    return { frames: run.frames, t0: run.t0, t1: performance.now(), patches };
  };
  bb.longtasksBetween = (t0, t1) => bb.longtasks.filter((e) => e.start >= t0 && e.start < t1);

  /**
   * Notes when the selector first matches (present) or stops matching, and, when the network panel
   * is open, when its "Containers (n)" heading first shows another text than at arming (looked up
   * again on every mutation: React may replace the element).
   */
  bb.arm = (id, selector, present) => {
    // Labels live in the link-label layer: look there, not through the whole document.
    const ok = () => ((document.querySelector('.react-flow__edgelabel-renderer') ?? document).querySelector(selector) !== null) === present;
    const countOf = () => {
      const h = bb.panelHeading();
      return h ? h.textContent : null;
    };
    const before = countOf();
    const panel = before !== null;
    bb.waits[id] = new Promise((resolve) => {
      // Early: the link already there (connect) or gone (disconnect) at arming; the panel is still watched.
      const early = ok();
      const seen = { domEpoch: null, frameEpoch: null, panelEpoch: null, panelBefore: before, panelAfter: null, early };
      const finished = () => (early || seen.frameEpoch !== null) && (!panel || seen.panelEpoch !== null);
      if (finished()) {
        resolve(seen);
        return;
      }
      let mo = null;
      const done = () => {
        mo.disconnect();
        clearTimeout(timer);
        resolve(seen);
      };
      const timer = setTimeout(done, 10000);
      mo = new MutationObserver(() => {
        const now = epoch();
        if (seen.panelEpoch === null && panel && countOf() !== before) {
          seen.panelEpoch = now;
          seen.panelAfter = countOf();
        }
        if (!early && seen.domEpoch === null && ok()) {
          seen.domEpoch = now;
          requestAnimationFrame(() => {
            seen.frameEpoch = epoch();
            if (finished()) done();
          });
        }
        if (finished()) done();
      });
      mo.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
  };
  /** The open network panel's "Containers (n)" heading (or "Containers on this engine (n)"), if any. */
  bb.panelHeading = () => {
    for (const h of document.querySelectorAll('h3')) if (/^Containers.*\(\d+\)$/.test(h.textContent.trim())) return h;
    return null;
  };
  bb.result = (id) => bb.waits[id];

  /** Fraction of the element's box that lies inside the board (0 when absent). */
  bb.inBoard = (selector) => {
    const el = document.querySelector(selector);
    const board = document.querySelector('.react-flow');
    if (!el || !board) return 0;
    const a = el.getBoundingClientRect();
    const b = board.getBoundingClientRect();
    const w = Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left));
    const h = Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
    return a.width * a.height ? (w * h) / (a.width * a.height) : 0;
  };
  bb.center = (selector) => {
    const el = document.querySelector(selector);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  };
  /**
   * The point nearest to (x, y), on a 20 px grid inside the box, where a press lands on the empty
   * pane; null if none. Points are tried nearest first, so only a few elementFromPoint calls are made.
   */
  bb.panePoint = (x, y, box) => {
    const points = [];
    for (let px = box.left; px <= box.right; px += 20) for (let py = box.top; py <= box.bottom; py += 20) points.push([px, py]);
    points.sort((p, q) => Math.hypot(p[0] - x, p[1] - y) - Math.hypot(q[0] - x, q[1] - y));
    for (const [px, py] of points) {
      const el = document.elementFromPoint(px, py);
      if (el && el.classList.contains('react-flow__pane')) return { x: px, y: py };
    }
    return null;
  };
  bb.boardBox = () => {
    const r = document.querySelector('.react-flow').getBoundingClientRect();
    return { left: r.left, top: r.top, width: r.width, height: r.height };
  };
})();
`;

/** Evaluates an expression in the page (awaiting a promise), typed by the caller. */
export async function call<T>(page: Page, expression: string): Promise<T> {
  return (await page.evaluate(expression)) as T;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------

export interface LoadState {
  firstNode: number | null;
  firstBench: number | null;
  lastChange: number | null;
  nodes: number;
  hidden: number;
  bridges: number;
  chips: number;
  links: number;
  transform: string;
}

export interface LoadResult extends LoadState {
  /** ms since navigation start. */
  domContentLoaded: number;
  restEnd: number;
  restKiB: number;
  /** The socket snapshot's arrival: a WebSocket message, else the largest socket.io polling answer. */
  snapshotEnd: number;
  snapshotKiB: number;
  zoom: number;
  /** See firstUsable() (web-usable.ts); ms since navigation start. */
  usable: number;
  longtasks: { count: number; total: number; max: number };
  heapMiB: number;
  heapAfterGcMiB: number;
  domNodes: number;
}

/** How long the board must stay unchanged to count as drawn. */
const QUIET_MS = 2000;

/**
 * Opens `path` and waits until the board is drawn: a `bbwebbench-` bridge or chip is in the DOM,
 * all of those in the DOM are measured (their React Flow node is not `visibility: hidden`), and
 * neither the viewport transform nor the set of `bbwebbench-` bridges, chips and link labels in
 * the DOM changed for QUIET_MS. "Drawn" is the frame time of the last change before that quiet
 * period. Other clients' objects are left out of the test, since they come and go meanwhile.
 */
export async function load(page: Page, cdp: CDPSession, path: string, timeoutMs = 90_000): Promise<LoadResult> {
  await page.goto(path, { waitUntil: 'commit' });
  const deadline = Date.now() + timeoutMs;
  let state: LoadState & { now: number };
  for (;;) {
    await sleep(200);
    state = await call(page, '({ ...window.__bb.load, now: performance.now() })');
    const quiet = state.lastChange !== null && state.now - state.lastChange >= QUIET_MS;
    if (state.firstBench !== null && state.hidden === 0 && state.nodes > 0 && quiet) break;
    if (Date.now() > deadline) throw new Error(`board not drawn within ${timeoutMs / 1000} s at ${path}: ${JSON.stringify(state)}`);
  }
  await call(page, 'window.__bb.load.stop = true');
  if (process.env.WEB_BENCH_DEBUG) console.error(path, await call<string[]>(page, 'window.__bb.load.history'));
  const drawn = state.lastChange ?? Number.NaN;
  const timing = await call<{
    dcl: number;
    resources: { name: string; end: number; size: number }[];
    ws: { epoch: number; kind: string; bytes: number }[];
    origin: number;
    longtasks: LongTask[];
    allLongtasks: LongTask[];
    bridgeLog: BridgeChange[];
  }>(
    page,
    `({
      dcl: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? NaN,
      resources: performance.getEntriesByType('resource')
        .filter((e) => e.name.includes('/api/engines/local/topology') || e.name.includes('/socket.io/'))
        .map((e) => ({ name: e.name, end: e.responseEnd, size: e.decodedBodySize })),
      ws: window.__bb.ws.filter((m) => m.kind === 'snapshot').map(({ epoch, kind, bytes }) => ({ epoch, kind, bytes })),
      origin: performance.timeOrigin,
      longtasks: window.__bb.longtasksBetween(0, ${drawn + 1}),
      allLongtasks: window.__bb.longtasks,
      bridgeLog: window.__bb.bridgeLog,
    })`,
  );
  const rest = timing.resources.find((r) => r.name.includes('/api/engines/local/topology'));
  const wsSnapshot = timing.ws[0];
  const polled = timing.resources.filter((r) => r.name.includes('/socket.io/')).sort((a, b) => b.size - a.size)[0];
  const snapshot =
    wsSnapshot && (!polled || polled.size < wsSnapshot.bytes)
      ? { end: wsSnapshot.epoch - timing.origin, size: wsSnapshot.bytes }
      : { end: polled?.end ?? Number.NaN, size: polled?.size ?? Number.NaN };
  const heap = await heapMetrics(cdp);
  await cdp.send('HeapProfiler.collectGarbage');
  const afterGc = await heapMetrics(cdp);
  const durations = timing.longtasks.map((t) => t.duration);
  return {
    ...state,
    domContentLoaded: timing.dcl,
    restEnd: rest?.end ?? Number.NaN,
    restKiB: (rest?.size ?? Number.NaN) / 1024,
    snapshotEnd: snapshot.end,
    snapshotKiB: snapshot.size / 1024,
    zoom: Number(/scale\(([\d.e-]+)\)/.exec(state.transform)?.[1] ?? Number.NaN),
    usable: firstUsable(timing.bridgeLog, timing.allLongtasks),
    longtasks: { count: durations.length, total: durations.reduce((a, b) => a + b, 0), max: Math.max(0, ...durations) },
    heapMiB: heap.heap,
    heapAfterGcMiB: afterGc.heap,
    domNodes: afterGc.domNodes,
  };
}

async function metrics(cdp: CDPSession): Promise<(name: string) => number> {
  const { metrics: all } = await cdp.send('Performance.getMetrics');
  return (name: string) => all.find((m) => m.name === name)?.value ?? Number.NaN;
}

async function heapMetrics(cdp: CDPSession): Promise<{ heap: number; domNodes: number }> {
  const metric = await metrics(cdp);
  return { heap: metric('JSHeapUsedSize') / 1024 / 1024, domNodes: metric('Nodes') };
}

/** The renderer main thread's busy time so far, in ms. */
async function mainThread(cdp: CDPSession): Promise<{ task: number; script: number; style: number; layout: number }> {
  const metric = await metrics(cdp);
  return {
    task: metric('TaskDuration') * 1000,
    script: metric('ScriptDuration') * 1000,
    style: metric('RecalcStyleDuration') * 1000,
    layout: metric('LayoutDuration') * 1000,
  };
}

// ---------------------------------------------------------------------------------------------
// Frames per second under input
// ---------------------------------------------------------------------------------------------

/** One mouse move every MOVE_EVERY_MS: 125 Hz, a common mouse report rate. */
const MOVE_EVERY_MS = 8;

export interface FpsResult {
  seconds: number;
  frames: number;
  fps: number;
  p50: number;
  p95: number;
  max: number;
  /** Frames that took over 50 ms (a visible stall). */
  slow: number;
  /** Main-thread time by CDP Performance.getMetrics (TaskDuration, ScriptDuration, RecalcStyleDuration, LayoutDuration). */
  taskMs: number;
  scriptMs: number;
  styleMs: number;
  layoutMs: number;
  moves: number;
  /** Socket patches (other clients' changes) the page received meanwhile. */
  patches: number;
}

/**
 * Counts animation frames while `act` runs. `act` returns how many mouse moves it sent; a mouse
 * move is answered only once the page has handled it, so a busy page also gets fewer moves.
 */
export async function framesDuring(page: Page, cdp: CDPSession, act: () => Promise<number>): Promise<FpsResult> {
  const before = await mainThread(cdp);
  await call(page, 'window.__bb.fpsStart()');
  const moves = await act();
  const run = await call<{ frames: number[]; t0: number; t1: number; patches: number }>(page, 'window.__bb.fpsStop()');
  const after = await mainThread(cdp);
  const intervals = run.frames.slice(1).map((t, i) => t - (run.frames[i] ?? t));
  const span = (run.frames.at(-1) ?? 0) - (run.frames[0] ?? 0);
  return {
    seconds: (run.t1 - run.t0) / 1000,
    frames: run.frames.length,
    fps: span > 0 ? (intervals.length * 1000) / span : 0,
    ...spread(intervals),
    slow: intervals.filter((d) => d > 50).length,
    taskMs: after.task - before.task,
    scriptMs: after.script - before.script,
    styleMs: after.style - before.style,
    layoutMs: after.layout - before.layout,
    moves,
    patches: run.patches,
  };
}

/** Sends mouse moves to `at(elapsed ms)` every MOVE_EVERY_MS for `ms`; returns how many were sent. */
export async function moveFor(page: Page, ms: number, at: (elapsed: number) => { x: number; y: number }): Promise<number> {
  const start = performance.now();
  let moves = 0;
  for (let elapsed = 0; elapsed < ms; elapsed = performance.now() - start) {
    const p = at(elapsed);
    await page.mouse.move(p.x, p.y);
    moves++;
    const wait = start + moves * MOVE_EVERY_MS - performance.now();
    if (wait > 0) await sleep(wait);
  }
  return moves;
}

export interface Point {
  x: number;
  y: number;
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The empty-pane point nearest to `near` within `box` (default: the board, 20 px in). */
async function panePoint(page: Page, near: Point, box?: Box): Promise<Point | null> {
  const board = await call<{ left: number; top: number; width: number; height: number }>(page, 'window.__bb.boardBox()');
  const inner = { left: board.left + 20, top: board.top + 20, right: board.left + board.width - 20, bottom: board.top + board.height - 20 };
  const b = box
    ? {
        left: Math.max(box.left, inner.left),
        top: Math.max(box.top, inner.top),
        right: Math.min(box.right, inner.right),
        bottom: Math.min(box.bottom, inner.bottom),
      }
    : inner;
  return call<Point | null>(page, `window.__bb.panePoint(${near.x}, ${near.y}, ${JSON.stringify(b)})`);
}

/** Pans by dragging the empty pane back and forth (±amplitude px horizontally, a little vertically) for `ms`. */
export async function pan(page: Page, cdp: CDPSession, ms: number, amplitude: number): Promise<FpsResult> {
  const board = await call<{ left: number; top: number; width: number; height: number }>(page, 'window.__bb.boardBox()');
  // A start point with room for the swing on both sides, near the board's centre.
  const centre = { x: board.left + board.width / 2, y: board.top + board.height / 2 };
  const start = await panePoint(page, centre, {
    left: board.left + amplitude + 10,
    right: board.left + board.width - amplitude - 10,
    top: board.top + 60,
    bottom: board.top + board.height - 60,
  });
  if (!start) throw new Error('no empty pane point to pan from');
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  const result = await framesDuring(page, cdp, () =>
    moveFor(page, ms, (t) => ({
      x: start.x + amplitude * Math.sin((2 * Math.PI * t) / 1500),
      y: start.y + 0.25 * amplitude * Math.sin((2 * Math.PI * t) / 1000),
    })),
  );
  await page.mouse.up();
  return result;
}

export const zoomOf = async (page: Page): Promise<number> =>
  Number(/scale\(([\d.e-]+)\)/.exec(await call<string>(page, 'document.querySelector(".react-flow__viewport").style.transform'))?.[1]);

/**
 * Zooms in with the wheel over `selector` (which keeps it where it is) until the zoom is at least
 * `atLeast`: for builds whose deep link does not zoom in itself. If the element is off screen, the
 * fit view is asked for first. False when it is not there even then.
 */
export async function zoomInOn(page: Page, selector: string, atLeast: number): Promise<boolean> {
  let fitted = false;
  for (let i = 0; (await zoomOf(page)) < atLeast; i++) {
    const at = await call<Point | null>(page, `window.__bb.center(${JSON.stringify(selector)})`);
    if (!at && !fitted) {
      // Off screen, so not in the DOM: the fit view shows every network.
      await page.getByRole('button', { name: 'Fit View' }).click();
      await sleep(800);
      fitted = true;
      continue;
    }
    if (!at || i === 80) return false;
    await page.mouse.move(at.x, at.y);
    await page.mouse.wheel(0, -50);
    await sleep(50);
  }
  await sleep(500);
  return true;
}

/** One wheel notch of WHEEL_DELTA px: React Flow (d3-zoom) scales by 2^(delta × 0.002), ×1.014 a notch. */
const WHEEL_DELTA = 7;

/**
 * Zooms with the mouse wheel over the pane near the board's centre for `ms` (finishing the round
 * it is in): `notches` in, then as many out, again and again, so the zoom swings around where it
 * started (30 notches: ×1.5) whatever the page's pace. Each wheel event is sent once the page has
 * taken the one before, as the mouse moves are.
 */
export async function zoom(page: Page, cdp: CDPSession, ms: number, notches = 30): Promise<FpsResult> {
  const board = await call<{ left: number; top: number; width: number; height: number }>(page, 'window.__bb.boardBox()');
  const centre = { x: board.left + board.width / 2, y: board.top + board.height / 2 };
  const at = (await panePoint(page, centre)) ?? centre;
  await page.mouse.move(at.x, at.y);
  return framesDuring(page, cdp, async () => {
    const start = performance.now();
    let events = 0;
    while (performance.now() - start < ms) {
      for (const delta of [-WHEEL_DELTA, WHEEL_DELTA]) {
        for (let i = 0; i < notches; i++) {
          await page.mouse.wheel(0, delta);
          events++;
          const wait = start + events * MOVE_EVERY_MS - performance.now();
          if (wait > 0) await sleep(wait);
        }
      }
    }
    return events;
  });
}

/**
 * Drags the chip `[data-container="<name>"]` in a loop below where it hangs for `ms`, then drops
 * it on a point of empty pane (not on a bridge, so it is not a connect; the chip just moves).
 * Fails if a bridge showed itself as a drop target at the drop, or a dialog opened.
 */
export async function dragChip(page: Page, cdp: CDPSession, name: string, ms: number, radius: number): Promise<FpsResult> {
  const selector = `[data-container="${name}"]`;
  const from = await call<Point | null>(page, `window.__bb.center(${JSON.stringify(selector)})`);
  if (!from) throw new Error(`chip ${name} is not on screen`);
  // Where to drop it: empty pane, below or beside the chip, not under the bridges above it.
  const drop = await panePoint(
    page,
    { x: from.x + radius, y: from.y + radius / 2 },
    { left: 0, right: 1e6, top: from.y - 20, bottom: 1e6 },
  );
  if (!drop) throw new Error('no empty pane point to drop the chip on');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 3, from.y + 3, { steps: 2 });
  const result = await framesDuring(page, cdp, async () => {
    const moves = await moveFor(page, ms, (t) => {
      const a = (2 * Math.PI * t) / 1500;
      return { x: from.x + 3 + radius * Math.sin(a), y: from.y + 3 + 0.6 * radius * (1 - Math.cos(a)) };
    });
    await page.mouse.move(drop.x, drop.y, { steps: 10 });
    return moves + 10;
  });
  const overBridge = await call<boolean>(page, 'document.querySelector("[data-drop]") !== null');
  await page.mouse.up();
  await sleep(200);
  const dialog = await call<boolean>(page, 'document.querySelector("[role=dialog], [role=alertdialog]") !== null');
  if (overBridge || dialog) throw new Error(`the chip drop was taken as a command (over a bridge: ${overBridge}, dialog: ${dialog})`);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Clocks
// ---------------------------------------------------------------------------------------------

/**
 * The page's epoch clock minus ours, from the round trip with the smallest delay among `rounds`.
 * `error` is half that round trip: the offset is right to within it.
 */
export async function clockOffset(page: Page, rounds = 20): Promise<{ offset: number; error: number }> {
  let best = { offset: 0, error: Number.POSITIVE_INFINITY };
  for (let i = 0; i < rounds; i++) {
    const before = epochNow();
    const pageTime = await call<number>(page, 'performance.timeOrigin + performance.now()');
    const after = epochNow();
    if ((after - before) / 2 < best.error) best = { offset: pageTime - (before + after) / 2, error: (after - before) / 2 };
  }
  return best;
}
