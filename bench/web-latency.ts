/**
 * Engine event → DOM (issue 13's "How to measure"): running containers connected to and
 * disconnected from one network while its panel is open by deep link, timed from the engine's own
 * `timeNano` to the link element appearing/going on the board and to the panel's
 * "Containers (n)" changing, with the page's clock mapped onto the bench's.
 */
import type { Browser } from 'playwright-core';
import { engineRequest } from './engine-api.js';
import { openPage } from './web-browser.js';
import { epochNow, progress, type Server } from './web-engine.js';
import { followNetwork } from './web-events.js';
import { call, clockOffset, load, sleep, zoomInOn, zoomOf } from './web-page.js';
import { blankRepeats, columnGroup, msSpread, renderTable, type Column } from './table.js';

export interface Named {
  name: string;
  id: string;
}

export interface LatencySetup {
  target: Named;
  /** Running containers, connected and disconnected in turn. */
  containers: Named[];
}

export interface LatencyOp {
  action: 'connect' | 'disconnect';
  /** All in ms from the engine's event (its timeNano); NaN for a miss. */
  line: number;
  patch: number;
  board: number;
  panel: number;
  frame: number;
  /** ms from sending the call until the engine answered it. */
  answered: number;
}

export interface LatencyRun {
  label: string;
  ops: LatencyOp[];
  clockError: number;
  zoom: number;
  /** Patches received during the run that were not about our operations (other clients' work). */
  foreignPatches: number;
  socketsOpened: number;
  socketsClosed: number;
  /** Operations whose panel count did not move from n to n ± 1 as expected. */
  panelOdd: number;
  /** Operations whose link was already there (connect) or gone (disconnect) when armed. */
  early: number;
}

interface Seen {
  domEpoch: number | null;
  frameEpoch: number | null;
  panelEpoch: number | null;
  panelBefore: string | null;
  panelAfter: string | null;
  early: boolean;
}

/** The network panel's count, from "Containers (n)". */
const countIn = (text: string | null) => Number(/\((\d+)\)\s*$/.exec(text ?? '')?.[1] ?? Number.NaN);

import type { Page } from 'playwright-core';
type LatencyPage = Page;

/** Links and chips are drawn from this zoom up (the board's zoom-band.ts: near from 0.36, far below 0.3); the bench keeps above it. */
const DRAWN_FROM = 0.45;

/**
 * Makes sure links can be seen: zooms in with the wheel over the target bridge (which keeps it
 * where it is) while the board is below DRAWN_FROM, then out with the Zoom Out button until the
 * bridge and every latency chip is fully on screen (React Flow draws a link only when both ends
 * are), never below DRAWN_FROM. Returns the zoom.
 */
async function bringIntoView(page: LatencyPage, setup: LatencySetup, path: string): Promise<number> {
  const bridge = `[data-network="${setup.target.name}"]`;
  if (!(await zoomInOn(page, bridge, DRAWN_FROM)))
    throw new Error(`${path}: cannot zoom in on ${setup.target.name} (zoom ${await zoomOf(page)})`);
  const sels = [bridge, ...setup.containers.map((c) => `[data-container="${c.name}"]`)];
  for (let i = 0; ; i++) {
    const parts = await Promise.all(sels.map((s) => call<number>(page, `window.__bb.inBoard(${JSON.stringify(s)})`)));
    if (parts.every((p) => p > 0.99)) break;
    if (i === 4 || (await zoomOf(page)) / 1.2 < DRAWN_FROM)
      throw new Error(`${path}: the bridge and the latency containers are not all on screen at zoom ${await zoomOf(page)}`);
    await page.getByRole('button', { name: 'Zoom Out' }).click();
    await sleep(500);
  }
  return zoomOf(page);
}

/**
 * Opens `/networks/<target>` (the deep link opens its panel and brings the bridge into view at
 * zoom 1.2), then `connects` times: connect the next container, then disconnect it, `pauseMs`
 * after each, so the engine's trailing second `disconnect` line is handled before the next call.
 */
export async function latencyRun(
  browser: Browser,
  server: Server,
  label: string,
  setup: LatencySetup,
  connects: number,
  pauseMs: number,
): Promise<LatencyRun> {
  const path = `/networks/${setup.target.name}`;
  const { page, cdp, close } = await openPage(browser, server, `${label} ${path}`);
  progress(`${label}: engine event → DOM on ${path} …`);
  await load(page, cdp, path);
  const zoom = await bringIntoView(page, setup, path);
  if ((await call<boolean>(page, 'window.__bb.panelHeading() !== null')) === false)
    throw new Error(`${path}: no "Containers (n)" heading: is the network panel open?`);
  const clock = await clockOffset(page);
  const events = await followNetwork(setup.target.id);
  let early = 0;
  const raw: { action: LatencyOp['action']; key: string; container: string; sent: number; answered: number; seen: Seen | null }[] = [];
  try {
    for (let i = 0; i < connects; i++) {
      const c = setup.containers[i % setup.containers.length] as Named;
      for (const action of ['connect', 'disconnect'] as const) {
        const id = `${label}-${action}-${i}`;
        const selector = `[data-endpoint="${setup.target.name}/${c.name}"]`;
        await call(page, `window.__bb.arm(${JSON.stringify(id)}, ${JSON.stringify(selector)}, ${action === 'connect'})`);
        const sent = epochNow();
        const reply = await engineRequest('POST', `/networks/${setup.target.id}/${action}`, { Container: c.id });
        const answered = epochNow() - sent;
        if (reply.status !== 200) throw new Error(`${action} ${c.name}: ${reply.status} ${reply.body.toString()}`);
        const seen = await call<Seen | null>(page, `window.__bb.result(${JSON.stringify(id)})`);
        if (process.env.WEB_BENCH_DEBUG) console.error(id, JSON.stringify(seen));
        // The link already there (connect) or gone (disconnect) at arming: the board lost or kept it wrongly; counted, not timed.
        if (seen?.early) early++;
        raw.push({ action, key: `${setup.target.id}/${c.id}`, container: c.id, sent, answered, seen });
        await sleep(pauseMs);
      }
    }
  } finally {
    events.close();
  }
  // The first patch (as the page's WebSocket received it) that puts or deletes the endpoint.
  const messages = await call<{ epoch: number; text: string }[]>(page, 'window.__bb.ws.filter((m) => m.kind === "patch")');
  const patches = messages.map((m) => {
    const patch = (JSON.parse(m.text.slice(2)) as [string, { ops: { op: string; kind: string; key: string }[] }])[1];
    return { at: m.epoch - clock.offset, ops: patch.ops };
  });
  const toOurs = (pageEpoch: number | null | undefined) => (pageEpoch == null ? Number.NaN : pageEpoch - clock.offset);
  let panelOdd = 0;
  const ops = raw.map((r): LatencyOp => {
    const event = events.find(r.action, r.container, r.sent);
    const t0 = event?.engineAt ?? Number.NaN;
    const want = r.action === 'connect' ? 'put' : 'del';
    const hit = patches.find(
      (p) => p.at >= r.sent - clock.error && p.ops.some((o) => o.kind === 'endpoints' && o.key === r.key && o.op === want),
    );
    const step = countIn(r.seen?.panelAfter ?? null) - countIn(r.seen?.panelBefore ?? null);
    if (step !== (r.action === 'connect' ? 1 : -1)) panelOdd++;
    return {
      action: r.action,
      line: (event?.at ?? Number.NaN) - t0,
      patch: (hit?.at ?? Number.NaN) - t0,
      board: r.seen?.early ? Number.NaN : toOurs(r.seen?.domEpoch) - t0,
      panel: toOurs(r.seen?.panelEpoch) - t0,
      frame: r.seen?.early ? Number.NaN : toOurs(r.seen?.frameEpoch) - t0,
      answered: r.answered,
    };
  });
  const ours = new Set([...raw.map((r) => r.key), ...setup.containers.map((c) => c.id)]);
  const first = raw[0]?.sent ?? 0;
  const foreignPatches = patches.filter((p) => p.at >= first && !p.ops.some((o) => ours.has(o.key))).length;
  const sockets = await call<{ opened: number; closed: number }>(page, '({ opened: window.__bb.wsOpened, closed: window.__bb.wsClosed })');
  await close();
  return {
    label,
    ops,
    clockError: clock.error,
    zoom,
    foreignPatches,
    socketsOpened: sockets.opened,
    socketsClosed: sockets.closed,
    panelOdd,
    early,
  };
}

const GROUPS = [
  ['engine /events line', (o: LatencyOp) => o.line],
  ['patch at page WebSocket', (o: LatencyOp) => o.patch],
  ['board: link in DOM', (o: LatencyOp) => o.board],
  ['panel: count in DOM', (o: LatencyOp) => o.panel],
  ['board: next frame', (o: LatencyOp) => o.frame],
  ['board DOM − patch', (o: LatencyOp) => o.board - o.patch],
] as const;

/** One row per run and action; `engines` describes each run's engine (containers, running). */
export function renderLatencyTable(runs: LatencyRun[], engines: Map<string, string>): string {
  const columns: Column[] = [
    ...columnGroup('engine holds', ['ctrs (running)', 'operation'], true),
    ...GROUPS.flatMap(([group]) => columnGroup(group, ['p50', 'p95', 'max'])),
  ];
  const rows: string[][] = [];
  for (const run of runs) {
    for (const action of ['connect', 'disconnect'] as const) {
      const ops = run.ops.filter((o) => o.action === action);
      rows.push([
        engines.get(run.label) ?? run.label,
        `${action} (${ops.length})`,
        ...GROUPS.flatMap(([, pick]) => msSpread(ops.map(pick))),
      ]);
    }
  }
  return renderTable(columns, blankRepeats(rows, 1));
}
