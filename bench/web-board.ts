/**
 * The browser part of `npm run bench` (issue 13's "How to measure"): the built server and the web
 * board in Debian's Chromium, against the real engine, at each size of WEB_BENCH_SIZES (100, 2,000
 * and 10,000 containers by default, each size grown from the one before). Per size: first render
 * and first usable board, frames per second (pan, wheel zoom, drag) at the fit view and at a deep
 * link, engine event → DOM on the board and in an open network panel, the server's memory; at the
 * size nearest 2,000 also the socket fan-out to 100 clients. Then the bundle's sizes. Every object
 * it makes is named `bbwebbench-…` and removed at start, at the end and on failure. See bench/README.md.
 */
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/chromium.js';
import { engineJson } from './engine-api.js';
import { cleanupAndSay, runToExit } from './lifecycle.js';
import { boardRuns, renderFpsTable, renderLoadTable, type FpsRow, type LoadRow } from './web-board-runs.js';
import { problems, VIEWPORT } from './web-browser.js';
import { bundleSizes, bundleTable } from './bundle.js';
import { checkBuild, freePort, PREFIX, progress, startServer, type Server } from './web-engine.js';
import { fanout, type FanoutResult } from './web-fanout.js';
import { latencyRun, renderLatencyTable, type LatencyRun } from './web-latency.js';
import { FLOOR_GIB, memAvailableMiB, runningCost, SAMPLE, startAll, type RunningCost } from './web-running.js';
import { renderSizesTable, type SizeRow } from './web-sizes.js';
import {
  countNamed,
  grow,
  LAT_TARGET,
  makeLatencySetup,
  MAX_CONTAINERS,
  networksFor,
  PER_NETWORK,
  serverMemory,
  waitForTopology,
} from './web-topology.js';
import { fixed, ms, msSpread } from './table.js';

const SIZES = sizesFromEnv('WEB_BENCH_SIZES', [100, 2000, 10_000]);
/** WEB_BENCH_RUNNING caps the running containers among the sizes' (default: as many as memory allows). */
const RUNNING_CAP = wholeFromEnv('WEB_BENCH_RUNNING', Number.POSITIVE_INFINITY);
/** The latency part: running containers on lat-a, connected to and disconnected from lat-b. */
const LAT_CONTAINERS = 4;
/** WEB_BENCH_LAT_CONNECTS overrides the connects (each with its disconnect) per latency run; the default is 50. */
const LAT_CONNECTS = wholeFromEnv('WEB_BENCH_LAT_CONNECTS', 50);
const LAT_PAUSE_MS = 150;
/** The socket fan-out: clients, and connects (each with its disconnect), at the size nearest FANOUT_AT. */
const FANOUT_CLIENTS = wholeFromEnv('WEB_BENCH_FANOUT_CLIENTS', 100);
const FANOUT_CONNECTS = wholeFromEnv('WEB_BENCH_FANOUT_CONNECTS', 20);
const FANOUT_PAUSE_MS = 250;
const FANOUT_AT = 2000;
const ROOT = new URL('..', import.meta.url).pathname;

function wholeFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number (got '${raw}')`);
  return n;
}

function sizesFromEnv(name: string, fallback: number[]): number[] {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const sizes = raw.split(',').map(Number);
  const ok = sizes.every((n, i) => Number.isInteger(n) && n >= 60 && n <= MAX_CONTAINERS && (i === 0 || n > (sizes[i - 1] ?? 0)));
  if (!ok) throw new Error(`${name} must be ascending whole numbers from 60 to ${MAX_CONTAINERS}, comma-separated (got '${raw}')`);
  return sizes;
}

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

/** The built server, started after the engine holds `size` (so the board gets it by the relist); seconds until its snapshot had all of it. */
async function serveSize(size: number): Promise<{ server: Server; seconds: number; label: string; engine: string }> {
  const started = performance.now();
  const s = await startServer(await freePort(8191));
  server = s;
  const nets = networksFor(size);
  const t = await waitForTopology(
    s,
    (t) => countNamed(t.containers, `${PREFIX}c-`) === size && countNamed(t.networks, `${PREFIX}net-`) === nets,
    `all ${size} containers`,
    90_000 + 30 * size,
  );
  const seconds = (performance.now() - started) / 1000;
  const all = Object.values(t.containers);
  const running = all.filter((c) => c.state === 'running').length;
  const engine = `${all.length} (${running})`;
  progress(
    `${size}: snapshot complete ${seconds.toFixed(1)} s after spawn: ${Object.keys(t.networks).length} networks, ${engine} containers (running)`,
  );
  return { server: s, seconds, label: String(size), engine };
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
  const latSetup = await makeLatencySetup(LAT_CONTAINERS);
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  const chromiumVersion = browser.version();

  const loads: LoadRow[] = [];
  const fps: FpsRow[] = [];
  const latencies: LatencyRun[] = [];
  const sizeRows: SizeRow[] = [];
  const engines = new Map<string, string>();
  const fanoutSize = SIZES.reduce((a, b) => (Math.abs(b - FANOUT_AT) < Math.abs(a - FANOUT_AT) ? b : a));
  let fanoutResult: FanoutResult | null = null;
  let cost: RunningCost | null = null;
  let ids: string[] = [];
  let running = 0;
  let had = 0;
  for (const size of SIZES) {
    progress(`${size}: making ${size - had} containers …`);
    const made = await grow(had, size);
    ids = [...ids, ...made.ids];
    had = size;
    // Running: the first SAMPLE measure what one costs; then as many as memory allows (and the cap).
    const startSeconds = performance.now();
    if (cost === null && Math.min(size, RUNNING_CAP) > 0) {
      const sample = ids.slice(0, Math.min(SAMPLE, size, RUNNING_CAP));
      await startAll(sample);
      running = sample.length;
      cost = await runningCost(sample);
      progress(`a running container costs ${fixed(cost.pssMiB, 1)} MiB PSS (${fixed(cost.rssMiB, 1)} MiB RSS): ${cost.more} more fit`);
    }
    if (cost) {
      const per = cost.pssMiB > 0 ? cost.pssMiB : cost.rssMiB;
      const fit = running + Math.max(0, Math.floor((memAvailableMiB() - FLOOR_GIB * 1024) / per));
      const target = Math.min(size, RUNNING_CAP, fit);
      if (target > running) {
        progress(`${size}: starting ${target - running} containers …`);
        await startAll(ids.slice(running, target));
        running = target;
      }
    }
    const runSeconds = (performance.now() - startSeconds) / 1000;
    const served = await serveSize(size);
    engines.set(served.label, served.engine);
    const atStart = serverMemory(served.server);
    const board = await boardRuns(browser, served.server, served.label, Math.floor(networksFor(size) / 2) * PER_NETWORK + 4, notes);
    loads.push(...board.loads);
    fps.push(...board.fps);
    latencies.push(await latencyRun(browser, served.server, served.label, latSetup, LAT_CONNECTS, LAT_PAUSE_MS));
    const afterPages = serverMemory(served.server);
    if (size === fanoutSize && FANOUT_CLIENTS > 0) {
      fanoutResult = await fanout(
        served.server,
        latSetup,
        FANOUT_CLIENTS,
        FANOUT_CONNECTS,
        FANOUT_PAUSE_MS,
        () => serverMemory(served.server).rss,
      );
    }
    sizeRows.push({
      size,
      engine: served.engine,
      networks: networksFor(size),
      running: running + LAT_CONTAINERS,
      createSeconds: made.seconds,
      startSeconds: runSeconds,
      serverSeconds: served.seconds,
      rssStart: atStart.rss,
      rssPages: afterPages.rss,
      rssFanout: size === fanoutSize ? (fanoutResult?.rssMiB ?? Number.NaN) : Number.NaN,
      peak: serverMemory(served.server).peak,
    });
    await served.server.stop();
    server = null;
  }
  await closeAll();
  const bundle = bundleTable(bundleSizes(join(ROOT, 'apps/web/dist')));
  const cleanupStarted = performance.now();
  await sweep('web bench done');
  const cleanupSeconds = (performance.now() - cleanupStarted) / 1000;

  const out = [
    '',
    `Bridgeboard browser bench — engine ${version.Version} (API ${version.ApiVersion}), Chromium ${chromiumVersion} (${CHROMIUM_PATH}, headless, ` +
      `--disable-gpu), viewport ${VIEWPORT.width}×${VIEWPORT.height}, node ${process.version}, ${new Date().toISOString()}`,
    `machine: ${cpus().length} CPUs, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} at the end (the engine is shared: other clients' work shows up in the numbers)`,
    `sizes: ${SIZES.join(', ')} bbwebbench- containers, ${PER_NETWORK} to a network (10.160.x/26 each), plus ${LAT_CONTAINERS} running on ${PREFIX}lat-a ` +
      `and the network ${LAT_TARGET.name}; "engine" = every container in the app's snapshot (running), other clients' included.`,
    cost
      ? `running: the first ${Math.min(SAMPLE, running)} measured ${fixed(cost.pssMiB, 1)} MiB PSS / ${fixed(cost.rssMiB, 1)} MiB RSS each (containerd-shim + sleep); ` +
        `${fixed(cost.availableMiB / 1024, 1)} GiB available then, ${FLOOR_GIB} GiB kept free${Number.isFinite(RUNNING_CAP) ? `; capped at ${RUNNING_CAP} (WEB_BENCH_RUNNING)` : ''}`
      : "running: none of the sizes' containers (WEB_BENCH_RUNNING=0)",
    '',
    '(0) The engine and the server per size. setup s: making the containers · starting them · server spawn until its snapshot holds',
    "    them all (the relist). Server memory: VmRSS after the relist, after the pages, with the fan-out's clients connected; VmHWM.",
    '',
    renderSizesTable(sizeRows),
    '',
    '(1) First render and first usable board. DCL = DOMContentLoaded; REST in = GET /api/engines/local/topology answered; snapshot',
    '    in = the socket.io snapshot received; 1st node = a React Flow node in the DOM; 1st bench = a bbwebbench- bridge or chip;',
    '    usable = the last change to the viewport or to the bbwebbench- bridges in the DOM, all of them measured (the fit view has',
    '    settled and every bridge it shows is drawn), moved past any long task until the main thread had 100 ms without one;',
    '    drawn = the last change to the viewport or the bbwebbench- bridges, chips and link labels in the DOM, before 2 s without',
    '    change. Only what is on screen is in the DOM (onlyRenderVisibleElements); the DOM columns count everything drawn.',
    '    Heap: JSHeapUsedSize when drawn and after a GC; DOM nodes: CDP Nodes after it. Long tasks: main-thread tasks over 50 ms.',
    '',
    renderLoadTable(loads),
    '',
    '(2) Frames per second: requestAnimationFrame callbacks in the page while the input acts for 3 s. pan = press on empty',
    '    pane and swing; zoom = wheel over the pane near the centre, 30 notches in (×1.5) then 30 out, again and again; drag =',
    '    press on a chip, circle, drop on empty pane (a move, not a connect). >50 = frame intervals over 50 ms. main thread =',
    '    CDP TaskDuration and its script, style and layout parts. input = mouse moves or wheel notches sent, each once the page',
    "    took the one before (at most every 8 ms; ~60/s is the ceiling). patches = other clients' changes meanwhile.",
    '',
    renderFpsTable(fps),
    '',
    `(3) Engine event → DOM: ${LAT_CONNECTS} × POST /networks/{id}/connect of a running container (${LAT_CONTAINERS} in turn), each followed by its`,
    `    …/disconnect, ${LAT_PAUSE_MS} ms pause after each. Page /networks/${LAT_TARGET.name}: its panel open, the bridge and chips on screen.`,
    "    ms from the engine's own timeNano (its /events line, read by the bench) until: that line reached the bench · the page's",
    '    WebSocket received the patch · [data-endpoint="<network>/<container>"] appeared/went (MutationObserver) · the panel\'s',
    '    "Containers (n)" changed · the next animation frame after the link. Page times mapped onto the bench\'s clock.',
    '',
    renderLatencyTable(latencies, engines),
    '',
    ...latencies.map(
      (r) =>
        `${r.label}: zoom ${fixed(r.zoom, 2)}; clock offset known to ±${ms(r.clockError)} ms; POST answered p50 ${msSpread(r.ops.map((o) => o.answered))[0]} ms; ` +
        `${r.foreignPatches} other patches; page WebSockets opened ${r.socketsOpened}, closed ${r.socketsClosed}; ` +
        `missed: ${r.ops.filter((o) => !Number.isFinite(o.board)).length} board, ${r.ops.filter((o) => !Number.isFinite(o.panel)).length} panel, ` +
        `${r.ops.filter((o) => !Number.isFinite(o.line)).length} event; panel count not ±1: ${r.panelOdd}; link already there/gone when armed: ${r.early}`,
    ),
    '',
    ...(fanoutResult
      ? [
          `(4) Socket fan-out at ${fanoutSize} containers: ${fanoutResult.clients} socket.io clients (a worker thread; websocket; the bench's session cookie),`,
          `    each subscribed to local; ${fanoutResult.ops} operations (connect/disconnect as in (3), ${FANOUT_PAUSE_MS} ms apart). ms from the engine's timeNano:`,
          `    every client's patch            p50 ${ms(fanoutResult.all.p50)}  p95 ${ms(fanoutResult.all.p95)}  max ${ms(fanoutResult.all.max)}`,
          `    the last client's, per operation p50 ${ms(fanoutResult.slowest.p50)}  p95 ${ms(fanoutResult.slowest.p95)}  max ${ms(fanoutResult.slowest.max)}`,
          `    the engine's line at the bench   p50 ${ms(fanoutResult.line.p50)}  p95 ${ms(fanoutResult.line.p95)}  max ${ms(fanoutResult.line.max)}`,
          `    clients connected and had their snapshot in ${fixed(fanoutResult.connectSeconds, 1)} s; missed patches: ${fanoutResult.missed}; ` +
            `server VmRSS with them connected: ${fixed(fanoutResult.rssMiB, 0)} MiB`,
          '',
        ]
      : []),
    '(5) Web bundle (bench/bundle.ts): the initial script is what index.html loads (its module script and modulepreloads)',
    bundle,
    '',
    ...notes,
    ...(problems.length ? [`page problems (${problems.length}):`, ...problems.slice(0, 5).map((p) => `  ${p}`)] : ['page problems: none']),
    `cleanup ${cleanupSeconds.toFixed(0)} s; total web bench time ${((performance.now() - started) / 1000).toFixed(0)} s`,
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
