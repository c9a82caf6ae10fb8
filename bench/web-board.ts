/**
 * The browser part of `npm run bench`: the built server and the web board in Debian's Chromium,
 * against the real engine. (1) First render, JS heap and frames per second with 200 networks and
 * 2,000 containers; (2) event-to-pixel latency of `POST /networks/{id}/connect`. The same is then
 * repeated on a small engine (the 2,000 removed) for contrast. Every object it makes is named
 * `bbwebbench-…` and removed at start, at the end and on failure. See bench/README.md.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/chromium.js';
import { cleanup, createNetwork, engineJson, engineRequest } from './engine-api.js';
import { cleanupAndSay, runToExit } from './lifecycle.js';
import { parallel } from './parallel.js';
import { blankRepeats, columnGroup, fixed, ms, msSpread, renderTable, type Column } from './table.js';
import {
  checkBuild,
  createContainer,
  epochNow,
  freePort,
  PREFIX,
  progress,
  startContainer,
  startServer,
  type Server,
} from './web-engine.js';
import { call, clockOffset, dragChip, framesDuring, load, pan, PAGE_SCRIPT, sleep, type FpsResult, type LoadResult } from './web-page.js';

/** WEB_BENCH_NETWORKS overrides the number of networks (e.g. 20 for a quick try); the default is 200. */
const NETWORKS = positiveFromEnv('WEB_BENCH_NETWORKS', 200);
const PER_NETWORK = 10;
/** The latency part: containers on LAT_HOME, connected to and disconnected from LAT_TARGET. */
const LAT_CONTAINERS = 4;
/** WEB_BENCH_LAT_CONNECTS overrides the connects (each with its disconnect) per latency run; the default is 50. */
const LAT_CONNECTS = positiveFromEnv('WEB_BENCH_LAT_CONNECTS', 50);
const LAT_PAUSE_MS = 150;
const ACTION_MS = 3000;
const VIEWPORT = { width: 1600, height: 1000 };

const netName = (n: number) => `${PREFIX}net-${String(n).padStart(3, '0')}`;
const ctrName = (m: number) => `${PREFIX}c-${String(m).padStart(4, '0')}`;
/** 10.160.<n>.0/24: inside 10.160.0.0/12, away from Docker's default pools and the e2e tests' 10.254.77.0/30. */
const netSubnet = (n: number) => `10.160.${n}.0/24`;
const LAT_HOME = { name: `${PREFIX}lat-a`, subnet: '10.161.0.0/24' };
const LAT_TARGET = { name: `${PREFIX}lat-b`, subnet: '10.161.1.0/24' };
/** The chip dragged in the zoomed-in view: the middle network's fifth container (third row). */
const DRAG_CHIP = ctrName(Math.floor(NETWORKS / 2) * PER_NETWORK + 4);

function positiveFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number ≥ 1 (got '${raw}')`);
  return n;
}

interface Named {
  name: string;
  id: string;
}

interface LatencySetup {
  target: Named;
  containers: Named[];
}

// ---------------------------------------------------------------------------------------------
// Setup
// ---------------------------------------------------------------------------------------------

/** Two networks and LAT_CONTAINERS running containers on the first (`sleep`, so they keep running). */
async function makeLatencySetup(): Promise<LatencySetup> {
  await createNetwork(LAT_HOME.name, LAT_HOME.subnet);
  const targetId = await createNetwork(LAT_TARGET.name, LAT_TARGET.subnet);
  const containers: Named[] = [];
  for (let i = 0; i < LAT_CONTAINERS; i++) {
    const name = `${PREFIX}lat-c-${i}`;
    const id = await createContainer(name, LAT_HOME.name, ['sleep', '100000']);
    await startContainer(id);
    containers.push({ name, id });
  }
  return { target: { name: LAT_TARGET.name, id: targetId }, containers };
}

/**
 * NETWORKS networks with PER_NETWORK created (not started) containers each; a network's containers
 * are made as soon as it exists, while the next networks are made. Returns seconds taken.
 */
async function makeLargeTopology(): Promise<number> {
  const started = performance.now();
  const nets = Array.from({ length: NETWORKS }, (_, n) => n);
  const release: (() => void)[] = [];
  const ready = nets.map((n) => new Promise<void>((resolve) => (release[n] = resolve)));
  const ctrs = Array.from({ length: NETWORKS * PER_NETWORK }, (_, m) => m);
  let made = 0;
  const making = parallel(nets, 8, async (n) => {
    await createNetwork(netName(n), netSubnet(n));
    release[n]?.();
  });
  // If a network fails, its containers would wait forever: release them all, and fail below.
  making.catch(() => release.forEach((r) => r()));
  await Promise.all([
    making,
    parallel(ctrs, 16, async (m) => {
      const n = Math.floor(m / PER_NETWORK);
      await ready[n];
      await createContainer(ctrName(m), netName(n), ['sleep', '1']);
      if (++made % 500 === 0) progress(`${made} containers made`);
    }),
  ]);
  return (performance.now() - started) / 1000;
}

interface TopologyBody {
  networks: Record<string, { name: string }>;
  containers: Record<string, { name: string }>;
  endpoints: Record<string, unknown>;
}

/** Polls the app's snapshot until `ok` holds for it; returns it. */
async function waitForTopology(server: Server, ok: (t: TopologyBody) => boolean, what: string, timeoutMs = 90_000): Promise<TopologyBody> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${server.url}/api/engines/local/topology`, { headers: server.headers });
    if (res.status !== 200) throw new Error(`GET /api/engines/local/topology → ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { topology: TopologyBody };
    if (ok(body.topology)) return body.topology;
    if (Date.now() > deadline) throw new Error(`the app's snapshot did not show ${what} within ${timeoutMs / 1000} s`);
    await sleep(500);
  }
}

const countNamed = (items: Record<string, { name: string }>, prefix: string) =>
  Object.values(items).filter((x) => x.name.startsWith(prefix)).length;

function serverRssMiB(server: Server): number {
  try {
    const kib = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.child.pid}/status`, 'utf8'))?.[1];
    return Number(kib) / 1024;
  } catch {
    return Number.NaN;
  }
}

// ---------------------------------------------------------------------------------------------
// Browser
// ---------------------------------------------------------------------------------------------

const problems: string[] = [];

/**
 * A fresh context and page with the bench's in-page script and a CDP session; console errors are
 * noted. The context is signed in first (its own session: `POST /api/auth/login` through the
 * context's request API, whose cookies the pages share), so the board loads without the sign-in page.
 */
async function openPage(browser: Browser, server: Server, label: string) {
  const context = await browser.newContext({ viewport: VIEWPORT, baseURL: server.url });
  const login = await context.request.post('/api/auth/login', { data: server.credentials });
  if (!login.ok()) throw new Error(`${label}: sign-in failed: ${login.status()} ${await login.text()}`);
  await context.addInitScript(PAGE_SCRIPT);
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${label}: console error: ${m.text().slice(0, 200)}`);
  });
  page.on('pageerror', (e) => problems.push(`${label}: page error: ${e.message.slice(0, 200)}`));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { page, cdp, close: () => context.close() };
}

interface LoadRow extends LoadResult {
  topology: string;
  path: string;
}

interface FpsRow extends FpsResult {
  topology: string;
  view: string;
  action: string;
}

/** Loads '/' (fitView) and a container deep link (zoomed in); measures idle, pan and drag frames. */
async function boardRuns(browser: Browser, server: Server, topology: string, dragChipName: string) {
  const loads: LoadRow[] = [];
  const fps: FpsRow[] = [];
  {
    const { page, cdp, close } = await openPage(browser, server, `${topology} /`);
    progress(`${topology}: loading / …`);
    const l = await load(page, cdp, '/');
    loads.push({ ...l, topology, path: '/' });
    const view = `/ (fitView, zoom ${l.zoom.toFixed(2)})`;
    fps.push({ ...(await framesDuring(page, cdp, () => sleep(1000).then(() => 0))), topology, view, action: 'idle 1 s' });
    fps.push({ ...(await pan(page, cdp, ACTION_MS, 400)), topology, view, action: 'pan (drag pane ±400 px)' });
    await close();
  }
  {
    const path = `/containers/${dragChipName}`;
    const { page, cdp, close } = await openPage(browser, server, `${topology} ${path}`);
    progress(`${topology}: loading ${path} …`);
    const l = await load(page, cdp, path);
    loads.push({ ...l, topology, path });
    const view = `${path} (zoom ${l.zoom.toFixed(2)})`;
    fps.push({ ...(await framesDuring(page, cdp, () => sleep(1000).then(() => 0))), topology, view, action: 'idle 1 s' });
    fps.push({ ...(await pan(page, cdp, ACTION_MS, 300)), topology, view, action: 'pan (drag pane ±300 px)' });
    fps.push({ ...(await dragChip(page, cdp, dragChipName, ACTION_MS, 150)), topology, view, action: 'drag chip, drop on pane' });
    await close();
  }
  return { loads, fps };
}

interface LatencyOp {
  action: 'connect' | 'disconnect';
  /** All in ms from sending the call. */
  answered: number;
  patch: number;
  dom: number;
  frame: number;
}

interface LatencyRun {
  topology: string;
  ops: LatencyOp[];
  clockError: number;
  zoom: number;
  /** Patches received during the run that were not about our operations (other clients' work). */
  foreignPatches: number;
  socketsOpened: number;
  socketsClosed: number;
}

/**
 * Opens `/networks/<target>` (the deep link brings the bridge into view), checks the bridge and
 * all the latency containers are on screen, then connects and disconnects them in turn:
 * LAT_CONNECTS connects, each followed by its disconnect, LAT_PAUSE_MS after each.
 */
async function latencyRun(browser: Browser, server: Server, topology: string, setup: LatencySetup): Promise<LatencyRun> {
  const path = `/networks/${setup.target.name}`;
  const { page, cdp, close } = await openPage(browser, server, `${topology} ${path}`);
  progress(`${topology}: event-to-pixel latency on ${path} …`);
  await load(page, cdp, path);
  const onScreen = async () => {
    const sels = [`[data-network="${setup.target.name}"]`, ...setup.containers.map((c) => `[data-container="${c.name}"]`)];
    const parts = await Promise.all(sels.map((s) => call<number>(page, `window.__bb.inBoard(${JSON.stringify(s)})`)));
    return parts.every((p) => p > 0.99);
  };
  for (let i = 0; !(await onScreen()); i++) {
    if (i === 4) throw new Error(`${path}: the bridge and the latency containers are not all on screen`);
    await page.getByRole('button', { name: 'Zoom Out' }).click();
    await sleep(500);
  }
  const zoom = Number(
    /scale\(([\d.e-]+)\)/.exec(await call<string>(page, 'document.querySelector(".react-flow__viewport").style.transform'))?.[1],
  );
  const clock = await clockOffset(page);
  const ops: (LatencyOp & { key: string; sent: number })[] = [];
  const keys = new Set<string>();
  for (let i = 0; i < LAT_CONNECTS; i++) {
    const c = setup.containers[i % setup.containers.length] as Named;
    const key = `${setup.target.id}/${c.id}`;
    keys.add(key);
    for (const action of ['connect', 'disconnect'] as const) {
      const id = `${action}-${i}`;
      const selector = `[data-endpoint="${setup.target.name}/${c.name}"]`;
      await call(page, `window.__bb.arm(${JSON.stringify(id)}, ${JSON.stringify(selector)}, ${action === 'connect'})`);
      const sent = epochNow();
      const reply = await engineRequest('POST', `/networks/${setup.target.id}/${action}`, { Container: c.id });
      const answered = epochNow() - sent;
      if (reply.status !== 200) throw new Error(`${action} ${c.name}: ${reply.status} ${reply.body.toString()}`);
      const seen = await call<{ domEpoch: number; frameEpoch: number; early: boolean } | null>(
        page,
        `window.__bb.result(${JSON.stringify(id)})`,
      );
      if (seen?.early) throw new Error(`${action} ${c.name}: the link was already ${action === 'connect' ? 'there' : 'gone'}`);
      const toOurs = (pageEpoch: number | undefined) => (pageEpoch === undefined ? Number.NaN : pageEpoch - clock.offset - sent);
      ops.push({ action, key, sent, answered, patch: Number.NaN, dom: toOurs(seen?.domEpoch), frame: toOurs(seen?.frameEpoch) });
      await sleep(LAT_PAUSE_MS);
    }
  }
  // Match each operation with the first patch (as the page's WebSocket received it) that puts or deletes its endpoint.
  const messages = await call<{ epoch: number; text: string }[]>(page, 'window.__bb.ws.filter((m) => m.kind === "patch")');
  const patches = messages.map((m) => {
    const patch = (JSON.parse(m.text.slice(2)) as [string, { ops: { op: string; kind: string; key: string }[] }])[1];
    return { at: m.epoch - clock.offset, ops: patch.ops };
  });
  for (const op of ops) {
    const want = op.action === 'connect' ? 'put' : 'del';
    const hit = patches.find(
      (p) => p.at >= op.sent - clock.error && p.ops.some((o) => o.kind === 'endpoints' && o.key === op.key && o.op === want),
    );
    op.patch = hit ? hit.at - op.sent : Number.NaN;
  }
  // Ours: our endpoints, and our containers (a connect also puts the container).
  const ours = new Set([...keys, ...setup.containers.map((c) => c.id)]);
  const first = ops[0]?.sent ?? 0;
  const foreignPatches = patches.filter((p) => p.at >= first && !p.ops.some((o) => ours.has(o.key))).length;
  const sockets = await call<{ opened: number; closed: number }>(page, '({ opened: window.__bb.wsOpened, closed: window.__bb.wsClosed })');
  await close();
  return { topology, ops, clockError: clock.error, zoom, foreignPatches, socketsOpened: sockets.opened, socketsClosed: sockets.closed };
}

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

function renderLoadTable(rows: LoadRow[]): string {
  const t = 'ms from navigation start';
  const columns: Column[] = [
    ...columnGroup('page', ['topology', 'path'], true),
    ...columnGroup(t, ['DCL', 'REST in', 'snapshot in', '1st node', '1st bench', 'drawn']),
    ...columnGroup('long tasks until drawn', ['n', 'sum ms', 'max ms']),
    ...columnGroup('in the DOM when drawn', ['zoom', 'bridges', 'chips', 'links', 'DOM nodes']),
    ...columnGroup('JS heap MiB', ['used', 'after GC']),
  ];
  return renderTable(
    columns,
    blankRepeats(
      rows.map((r) => [
        r.topology,
        r.path,
        ms(r.domContentLoaded),
        ms(r.restEnd),
        ms(r.snapshotEnd),
        ms(r.firstNode ?? Number.NaN),
        ms(r.firstBench ?? Number.NaN),
        ms(r.lastChange ?? Number.NaN),
        String(r.longtasks.count),
        ms(r.longtasks.total),
        ms(r.longtasks.max),
        fixed(r.zoom, 2),
        String(r.bridges),
        String(r.chips),
        String(r.links),
        String(r.domNodes),
        fixed(r.heapMiB, 1),
        fixed(r.heapAfterGcMiB, 1),
      ]),
      1,
    ),
  );
}

function renderFpsTable(rows: FpsRow[]): string {
  const columns: Column[] = [
    ...columnGroup('what', ['topology', 'view', 'action'], true),
    ...columnGroup('frames', ['s', 'n', 'fps']),
    ...columnGroup('frame interval ms', ['p50', 'p95', 'max', '>50']),
    ...columnGroup('main thread ms (CDP)', ['busy', 'script', 'style', 'layout']),
    ...columnGroup('mouse', ['moves', 'moves/s']),
    ...columnGroup('other', ['patches']),
  ];
  return renderTable(
    columns,
    blankRepeats(
      rows.map((r) => [
        r.topology,
        r.view,
        r.action,
        fixed(r.seconds, 1),
        String(r.frames),
        fixed(r.fps, 1),
        ms(r.p50),
        ms(r.p95),
        ms(r.max),
        String(r.slow),
        ms(r.taskMs),
        ms(r.scriptMs),
        ms(r.styleMs),
        ms(r.layoutMs),
        r.moves ? String(r.moves) : '—',
        r.moves ? fixed(r.moves / r.seconds, 0) : '—',
        String(r.patches),
      ]),
      2,
    ),
  );
}

function renderLatencyTable(runs: LatencyRun[]): string {
  const groups = [
    ['POST answered', (o: LatencyOp) => o.answered],
    ['patch at page WebSocket', (o: LatencyOp) => o.patch],
    ['in the DOM (MutationObserver)', (o: LatencyOp) => o.dom],
    ['next frame (rAF)', (o: LatencyOp) => o.frame],
    ['DOM − patch', (o: LatencyOp) => o.dom - o.patch],
  ] as const;
  const columns: Column[] = [
    ...columnGroup('run', ['topology', 'operation'], true),
    ...groups.flatMap(([group]) => columnGroup(group, ['p50', 'p95', 'max'])),
  ];
  const rows: string[][] = [];
  for (const run of runs) {
    for (const action of ['connect', 'disconnect'] as const) {
      const ops = run.ops.filter((o) => o.action === action);
      const stats = groups.flatMap(([, pick]) => msSpread(ops.map(pick)));
      rows.push([run.topology, `${action === 'connect' ? 'connect → link shown' : 'disconnect → link gone'} (${ops.length})`, ...stats]);
    }
  }
  return renderTable(columns, blankRepeats(rows, 1));
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

/** Removes everything named `bbwebbench-…`, saying so. */
const sweep = (when: string) => cleanupAndSay(PREFIX, progress, when);

let server: Server | null = null;
let browser: Browser | null = null;

async function closeAll(): Promise<void> {
  await browser?.close().catch(() => undefined);
  browser = null;
  await server?.stop().catch(() => undefined);
  server = null;
}

async function main(): Promise<void> {
  const started = performance.now();
  const notes: string[] = [];
  const stale = checkBuild();
  if (stale) {
    notes.push(`warning: ${stale}`);
    progress(`warning: ${stale}`);
  }
  const version = await engineJson<{ Version: string; ApiVersion: string }>('GET', '/version');
  await sweep('left over from an earlier run');

  progress('making the latency containers and the large topology …');
  const latSetup = await makeLatencySetup();
  const createSeconds = await makeLargeTopology();
  progress(`${NETWORKS} networks and ${NETWORKS * PER_NETWORK} containers made in ${createSeconds.toFixed(1)} s`);

  const port = await freePort(8191);
  const serverStarted = performance.now();
  server = await startServer(port);
  const large = await waitForTopology(
    server,
    (t) => countNamed(t.containers, `${PREFIX}c-`) === NETWORKS * PER_NETWORK && countNamed(t.networks, `${PREFIX}net-`) === NETWORKS,
    'all the bench objects',
  );
  const serverReady = (performance.now() - serverStarted) / 1000;
  const largeLabel = `large`;
  const largeCounts = `${Object.keys(large.networks).length} networks, ${Object.keys(large.containers).length} containers, ${Object.keys(large.endpoints).length} endpoints`;
  progress(`server on ${server.url}, snapshot complete after ${serverReady.toFixed(1)} s: ${largeCounts}`);

  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  const chromiumVersion = browser.version();
  const largeRuns = await boardRuns(browser, server, largeLabel, DRAG_CHIP);
  const rssLarge = serverRssMiB(server);
  const latencies = [await latencyRun(browser, server, largeLabel, latSetup)];

  progress(`removing the ${NETWORKS * PER_NETWORK} containers and ${NETWORKS} networks …`);
  await cleanup(`${PREFIX}c-`);
  await cleanup(`${PREFIX}net-`);
  const small = await waitForTopology(
    server,
    (t) => countNamed(t.containers, `${PREFIX}c-`) === 0 && countNamed(t.networks, `${PREFIX}net-`) === 0,
    'the large topology gone',
  );
  const smallLabel = 'small';
  const smallCounts = `${Object.keys(small.networks).length} networks, ${Object.keys(small.containers).length} containers, ${Object.keys(small.endpoints).length} endpoints`;
  const smallRuns = await boardRuns(browser, server, smallLabel, latSetup.containers[0]?.name ?? '');
  latencies.push(await latencyRun(browser, server, smallLabel, latSetup));
  const rssEnd = serverRssMiB(server);

  await closeAll();
  await sweep('web bench done');

  const out = [
    '',
    `Bridgeboard browser bench — engine ${version.Version} (API ${version.ApiVersion}), Chromium ${chromiumVersion} (${CHROMIUM_PATH}, headless, ` +
      `--disable-gpu), viewport ${VIEWPORT.width}×${VIEWPORT.height}, node ${process.version}, ${new Date().toISOString()}`,
    `machine: ${cpus().length} CPUs, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} at the end (the engine is shared: other clients' work shows up in the numbers)`,
    `large = the engine with ${NETWORKS} extra networks × ${PER_NETWORK} created (not started) containers: ${largeCounts} in the app's snapshot`,
    `small = the same engine after removing those: ${smallCounts}. Other clients' objects on the engine are included in both.`,
    '',
    '(1) First render and JS heap. DCL = DOMContentLoaded; REST in = GET /api/engines/local/topology answered; snapshot in = the socket.io',
    '    snapshot received; 1st node = a React Flow node in the DOM; 1st bench = a bbwebbench- bridge or chip in the DOM;',
    '    drawn = the frame of the last change to the viewport transform or to the bbwebbench- bridges, chips and link labels',
    '    in the DOM (all of them measured), before 2 s without change. Only what is on screen is in the DOM',
    "    (onlyRenderVisibleElements); the DOM columns count everything drawn, other clients' objects included.",
    '    Heap: JSHeapUsedSize (CDP Performance.getMetrics) when drawn, and after HeapProfiler.collectGarbage; DOM nodes: CDP',
    '    Nodes after that GC. Long tasks: Long Tasks API entries (main thread tasks over 50 ms) from navigation until drawn.',
    '',
    renderLoadTable([...largeRuns.loads, ...smallRuns.loads]),
    '',
    `(2) Frames per second: requestAnimationFrame callbacks counted in the page while the mouse acts for ${ACTION_MS / 1000} s,`,
    '    pan = press on empty pane and swing sideways; drag = press on the chip, circle below its bridge, drop on empty pane',
    "    (a move, not a connect). >50 = frame intervals over 50 ms. main thread = the renderer main thread's busy time in",
    '    the window (CDP TaskDuration) and its script, style-recalc and layout parts. moves = mouse moves sent, one at a time,',
    '    each once the page has taken the one before (at most every 8 ms; Chromium hands them to the page once per frame, so',
    "    ~60/s is the ceiling). patches = other clients' changes the page received meanwhile.",
    '',
    renderFpsTable([...largeRuns.fps, ...smallRuns.fps]),
    '',
    `(3) Event-to-pixel latency: ${LAT_CONNECTS} × POST /networks/{id}/connect of a running container (${LAT_CONTAINERS} in turn, on ${LAT_HOME.name}),`,
    `    each followed by its POST …/disconnect, sent over the engine socket with node:http; ${LAT_PAUSE_MS} ms pause after each.`,
    `    Page: /networks/${LAT_TARGET.name} (the bridge and the ${LAT_CONTAINERS} chips on screen). ms from sending the call until`,
    '    the engine answers · the page WebSocket receives the patch putting/deleting that endpoint · a MutationObserver sees',
    `    [data-endpoint="${LAT_TARGET.name}/<container>"] appear/disappear · the next requestAnimationFrame after that.`,
    '',
    renderLatencyTable(latencies),
    '',
    ...latencies.map(
      (r) =>
        `${r.topology}: zoom ${fixed(r.zoom, 2)}; page/bench clock offset known to ±${ms(r.clockError)} ms; ` +
        `${r.foreignPatches} other patches (other clients) during the run; page WebSockets opened ${r.socketsOpened}, closed ${r.socketsClosed}; ` +
        `missed: ${r.ops.filter((o) => !Number.isFinite(o.dom)).length} DOM, ${r.ops.filter((o) => !Number.isFinite(o.patch)).length} patch`,
    ),
    `setup: ${NETWORKS} networks + ${NETWORKS * PER_NETWORK} containers made in ${createSeconds.toFixed(1)} s (Engine API, 16 at a time); ` +
      `server (node apps/api/dist/server.js) snapshot complete ${serverReady.toFixed(1)} s after spawn`,
    `server RSS: ${fixed(rssLarge, 0)} MiB after the large page runs, ${fixed(rssEnd, 0)} MiB at the end`,
    ...notes,
    ...(problems.length ? [`page problems (${problems.length}):`, ...problems.slice(0, 5).map((p) => `  ${p}`)] : ['page problems: none']),
    '',
    `total web bench time ${((performance.now() - started) / 1000).toFixed(0)} s`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

await runToExit(main, {
  prefix: PREFIX,
  progress,
  beforeCleanup: closeAll,
  onFailure: () => {
    // main() may have set it (TypeScript cannot see that from here).
    const running = server as Server | null;
    if (running) console.error(`server output (tail):\n${running.output().slice(-3000)}`);
  },
});
