/**
 * The fleet bench (issue 12): five namespaced engines (`scripts/fleet.sh up 5`) with 100 containers
 * each, one built server following them and the host engine, one socket.io client subscribed to all
 * six. Per engine: engine event (`timeNano`) → the client's `patch` naming that engine, for
 * connect/disconnect on engines 1–4, first with engine 5 quiet, then while engine 5 bursts 500
 * events; how far engine 5's own patches lagged; and the server's memory. Everything it makes is
 * named `bbbench-fleet-…` and removed at start and at exit. See bench/README.md, "(e) The fleet".
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_ENGINE_ID } from '@bridgeboard/contract';
import { EventFeed, FleetEngine, fleetUp, PREFIX } from './fleet-engines.js';
import {
  burst,
  foreignEvents,
  operateAll,
  TIMEOUT_MS,
  type Burst,
  type EngineSide,
  type Measured,
  type OpSample,
} from './fleet-latency.js';
import { FleetClient, memoryOf, scrape, startServer, type FleetServer, type Scrape } from './fleet-server.js';
import { runToExit } from './lifecycle.js';
import { parallel } from './parallel.js';
import { progressLog } from './progress.js';
import { quantile } from './stats.js';
import { columnGroup, ms, msSpread, renderTable } from './table.js';
import { epochNow } from './web-engine.js';

const ENGINES = 5;
/** Per engine; FLEET_BENCH_CONTAINERS makes a smaller fleet for a quick try. */
const CONTAINERS = Number(process.env.FLEET_BENCH_CONTAINERS ?? 100);
/** Of those, started. A start costs an engine here ~0.5 s (iptables, under one machine-wide lock): the rest are created only. */
const RUNNING = 5;
/** Connect/disconnect operations per measured engine in the quiet pass (even); FLEET_BENCH_OPS overrides. */
const OPS = Number(process.env.FLEET_BENCH_OPS ?? 30);
/** Engine 5's burst: this many container create + remove pairs (an engine event each), this many at once. */
const BURST_PAIRS = 250;
const BURST_PARALLEL = 4;

const progress = progressLog('fleet-bench', { seconds: true });
const stopping = new AbortController();
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

async function sweep(engines: FleetEngine[], when: string): Promise<void> {
  const removed = await Promise.all(engines.map((e) => e.cleanup()));
  const containers = removed.reduce((a, r) => a + r.containers, 0);
  const networks = removed.reduce((a, r) => a + r.networks, 0);
  if (containers || networks)
    progress(`${when}: removed ${containers} containers and ${networks} networks named ${PREFIX}* from the fleet`);
}

/** On every engine at once: `bbbench-fleet-net` with CONTAINERS containers on it, RUNNING of them started. */
function buildFleet(engines: FleetEngine[]): Promise<EngineSide[]> {
  return Promise.all(
    engines.map(async (engine) => {
      const feed = await EventFeed.open(engine);
      const network = await engine.createNetwork(`${PREFIX}net`, engine.subnet(200));
      const containers: string[] = [];
      const create = async (i: number) => {
        containers[i] = await engine.createContainer(`${PREFIX}c-${i}`, network);
      };
      await parallel(range(CONTAINERS), 4, create, stopping.signal);
      await parallel(containers.slice(0, RUNNING), 2, (id) => engine.start(id), stopping.signal);
      return { engine, feed, network, containers, ours: new Set([network, ...containers]) };
    }),
  );
}

/** Our containers in the client's view of an engine: all, and running. */
function oursInView(client: FleetClient, id: string): { all: number; running: number } {
  const containers = Object.values(client.topologies.get(id)?.containers ?? {}).filter((c) => c.name.replace(/^\//, '').startsWith(PREFIX));
  return { all: containers.length, running: containers.filter((c) => c.state === 'running').length };
}

const containersInView = (client: FleetClient) => [...client.topologies.values()].reduce((a, t) => a + Object.keys(t.containers).length, 0);

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

interface EngineRow {
  id: string;
  holds: { all: number; ours: number; running: number };
  /** Engines 1–4: their operations. Engine 5: its burst (only in the bursting column). */
  quiet?: OpSample[];
  bursting?: OpSample[] | Burst;
}

function latencyTable(rows: EngineRow[]): string {
  const group = (title: string) => columnGroup(title, ['n', 'p50', 'p95', 'max', 'line p50']);
  const cells = (toPatch: number[], toLine: number[]) => [
    String(toPatch.filter(Number.isFinite).length),
    ...msSpread(toPatch),
    ms(quantile(toLine, 0.5)),
  ];
  const pass = (samples: OpSample[] | Burst | undefined) => {
    if (!samples) return ['', '', '', '', ''];
    if (!Array.isArray(samples)) return cells(samples.lags, samples.lines);
    return cells(
      samples.map((s) => s.toPatch),
      samples.map((s) => s.toLine),
    );
  };
  return renderTable(
    [
      ...columnGroup('engine', [''], true),
      ...columnGroup('containers', ['all', 'ours', 'run']),
      ...group('engine 5 quiet'),
      ...group('engine 5 bursting'),
    ],
    rows.map((r) => [r.id, String(r.holds.all), String(r.holds.ours), String(r.holds.running), ...pass(r.quiet), ...pass(r.bursting)]),
  );
}

const loopCells = (loop: Scrape['loop']) => `p50 ${ms(loop.p50)}, p99 ${ms(loop.p99)}, max ${ms(loop.max)}`;

interface MemoryRow {
  label: string;
  rssKiB: number;
  heapKiB: number;
  containers: number;
}

async function memoryRow(label: string, server: FleetServer, client: FleetClient): Promise<MemoryRow> {
  return { label, rssKiB: memoryOf(server.pid).rssKiB, heapKiB: (await scrape(server)).heapKiB, containers: containersInView(client) };
}

function memoryTable(rows: MemoryRow[], peakKiB: number): string {
  const mib = (kib: number) => (kib / 1024).toFixed(1);
  return renderTable(
    [
      ...columnGroup('server (child process)', [''], true),
      ...columnGroup('memory, MiB', ['VmRSS', 'V8 heap used']),
      ...columnGroup('its view', ['containers']),
    ],
    [...rows.map((r) => [r.label, mib(r.rssKiB), mib(r.heapKiB), String(r.containers)]), ['peak (VmHWM)', mib(peakKiB), '', '']],
  );
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

const engines = range(ENGINES).map((i) => new FleetEngine(i + 1));
let server: FleetServer | null = null;
let client: FleetClient | null = null;
let sides: EngineSide[] = [];

/** An engine restarted meanwhile (other clients' tests restart fleet engines) mixes a relist into the numbers: stop. */
function checkEngines(when: string): void {
  const gone = sides.filter((s) => s.feed.ended).map((s) => s.engine.n);
  if (gone.length) throw new Error(`engine ${gone.join(', ')} went away ${when} (restarted by another client?): run the bench again`);
}

async function close(): Promise<void> {
  client?.close();
  client = null;
  for (const side of sides) side.feed.close();
  await server?.stop();
  server = null;
}

/** What the report prints. */
interface Results {
  rows: EngineRow[];
  burst: Burst;
  loadMs: number;
  memory: MemoryRow[];
  peakKiB: number;
  loop: { quiet: Scrape['loop']; bursting: Scrape['loop'] };
  /** Other clients' events on engines 1–4 in each pass. */
  foreign: { quiet: number; bursting: number };
  /** Patches of the host engine ('local', shared with other clients) in each pass. */
  local: { quiet: number; bursting: number };
  resyncs: number;
  misses: number;
}

function report(r: Results, seconds: number): string {
  const b = r.burst;
  const burstS = (b.drainedAt - b.startedAt) / 1000;
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  return [
    '',
    `Fleet bench — ${ENGINES} namespaced engines and the host engine ('local'), one built server, one socket.io client`,
    `following all six; node ${process.version}, ${cpus().length} CPUs, load ${load}, ${new Date().toISOString()}`,
    `    Each fleet engine: ${CONTAINERS} containers ${PREFIX}c-N (busybox sleep, on a network of its own pool), ${RUNNING} running.`,
    `    The server's view: ${r.memory[1]?.containers ?? 0} containers on the six engines. The fleet's ${CONTAINERS * ENGINES}, made on all`,
    `    five at once, were all at the client ${(r.loadMs / 1000).toFixed(1)} s after the first call.`,
    `    Engines 1–4 at once, each back to back: POST /networks/{id}/connect, then …/disconnect, of its running ${PREFIX}c-0.`,
    '    p50/p95/max: ms from the engine event (its timeNano) to the patch naming that engine at the client. line p50: to the',
    `    same event on the bench's own /events (the engine's delivery: the floor). quiet: engine 5 idle, ${OPS} operations each.`,
    "    bursting: from engine 5's first burst call until the client has all of the burst (so n varies). fleet-5's bursting",
    `    cells: its own events, each to the patch that put (create) or deleted (destroy) that container; ${BURST_PAIRS} create +`,
    `    remove pairs, ${BURST_PARALLEL} at once.`,
    '',
    latencyTable(r.rows),
    '',
    `engine 5's burst: ${b.events.ours} events of its own (${b.events.all} lines on its /events) in ${burstS.toFixed(1)} s, ` +
      `${(b.events.ours / burstS).toFixed(0)} events/s; the client had all of it ${ms(b.drainMs)} ms after the last one.`,
    `  ${b.unseen} of the ${BURST_PAIRS} containers were gone before the server read them: no put and no del (nothing to show).`,
    "server's event-loop delay (its /metrics: sampled every 10 ms, so an idle loop shows ~10), ms:",
    `  quiet ${loopCells(r.loop.quiet)}; bursting ${loopCells(r.loop.bursting)}`,
    `other clients' events on engines 1–4: quiet ${r.foreign.quiet}, bursting ${r.foreign.bursting}; client resyncs (rev gaps):` +
      ` ${r.resyncs}; misses (no patch within ${TIMEOUT_MS} ms): ${r.misses}`,
    `patches of 'local' (the shared host engine, other clients at work) that the server sent meanwhile: quiet ${r.local.quiet}, bursting ${r.local.bursting}`,
    '',
    memoryTable(r.memory, r.peakKiB),
    '',
    `total ${seconds.toFixed(0)} s before the cleanup`,
  ].join('\n');
}

/** Engines 1–4 quiet, then while engine 5 bursts; the server's event-loop delay of each pass. */
async function measure(server: FleetServer, c: FleetClient, measured: Measured[], side5: EngineSide) {
  progress(`quiet: ${OPS} connect/disconnect operations on each of engines 1–4, at once`);
  const quietFrom = epochNow();
  const localPatches = () => c.patchCount.get(DEFAULT_ENGINE_ID) ?? 0;
  const local0 = localPatches();
  const quiet = await operateAll(c, measured, (pairs) => pairs < OPS / 2, stopping.signal);
  const quietTo = epochNow();
  const local1 = localPatches();
  const quietLoop = (await scrape(server)).loop;
  checkEngines('in the quiet pass');

  progress(`burst: ${BURST_PAIRS} container create/remove pairs on engine 5 while engines 1–4 go on`);
  let drained = false;
  const [b, during] = await Promise.all([
    burst(c, side5, { pairs: BURST_PAIRS, parallel: BURST_PARALLEL, signal: stopping.signal }).finally(() => {
      drained = true;
    }),
    operateAll(c, measured, () => !drained, stopping.signal),
  ]);
  const burstLoop = (await scrape(server)).loop;
  const local2 = localPatches();
  checkEngines('in the burst');
  return {
    quiet,
    // An engine's last operation may start after the burst was all in: not counted as during it.
    during: new Map([...during].map(([id, samples]) => [id, samples.filter((s) => s.startedAt <= b.drainedAt)])),
    burst: b,
    loop: { quiet: quietLoop, bursting: burstLoop },
    foreign: { quiet: foreignEvents(measured, quietFrom, quietTo), bursting: foreignEvents(measured, b.startedAt, b.drainedAt) },
    local: { quiet: local1 - local0, bursting: local2 - local1 },
  };
}

async function main(): Promise<void> {
  if (OPS < 2 || OPS % 2 !== 0 || !(CONTAINERS > RUNNING))
    throw new Error(`FLEET_BENCH_OPS must be even, FLEET_BENCH_CONTAINERS above ${RUNNING}`);
  const started = performance.now();
  progress(`fleet.sh up ${ENGINES}`);
  await fleetUp(ENGINES);
  await sweep(engines, 'left over from an earlier run');
  const opNetworks = await Promise.all(engines.slice(0, 4).map((e) => e.createNetwork(`${PREFIX}op`, e.subnet(201))));

  progress('starting the built server (apps/api/dist/server.js) with the five engines in its ENGINES_FILE');
  server = await startServer(engines);
  const c = (client = await FleetClient.connect(server.url, server.token, [DEFAULT_ENGINE_ID, ...engines.map((e) => e.id)]));
  const memory = [await memoryRow('at start', server, c)];

  progress(`${CONTAINERS} containers on each engine (${RUNNING} started), all five at once`);
  const loadStart = performance.now();
  sides = await buildFleet(engines);
  const loaded = (id: string) => oursInView(c, id).all === CONTAINERS && oursInView(c, id).running === RUNNING;
  await c.until(() => engines.every((e) => loaded(e.id)), 60_000, 'the fleet to reach the client');
  const loadMs = performance.now() - loadStart;
  checkEngines('while the fleet was made');
  await sleep(500);
  memory.push(await memoryRow(`fleet loaded (+${CONTAINERS * ENGINES})`, server, c));
  const holds = await Promise.all(engines.map((e) => e.count()));

  const measured: Measured[] = sides.slice(0, 4).map((side, i) => {
    const network = opNetworks[i] ?? '';
    side.ours.add(network);
    return { side, network, container: side.containers[0] ?? '' };
  });
  const side5 = sides[4];
  if (!side5) throw new Error('no engine 5');
  const m = await measure(server, c, measured, side5);
  await sleep(500);
  memory.push(await memoryRow('after the burst', server, c));

  const rows: EngineRow[] = engines.map((e, i) => ({
    id: e.id,
    holds: { all: holds[i]?.all ?? 0, ours: holds[i]?.ours ?? 0, running: oursInView(c, e.id).running },
    ...(e === side5.engine ? { bursting: m.burst } : { quiet: m.quiet.get(e.id) ?? [], bursting: m.during.get(e.id) ?? [] }),
  }));
  const samples = [...m.quiet.values(), ...m.during.values()].flat();
  const text = report(
    {
      ...m,
      rows,
      loadMs,
      memory,
      peakKiB: memoryOf(server.pid).peakKiB,
      resyncs: c.resyncs,
      misses: samples.filter((s) => !Number.isFinite(s.toPatch)).length,
    },
    (performance.now() - started) / 1000,
  );
  await close();
  await sweep(engines, 'fleet bench done');
  process.stdout.write(`${text}\n`);
}

await runToExit(main, {
  prefix: PREFIX,
  progress,
  onSignal: () => stopping.abort(),
  onFailure: () => {
    if (server) process.stderr.write(`server output (last part):\n${server.output()}\n`);
  },
  beforeCleanup: async () => {
    await close();
    await sweep(engines, 'after the failure');
  },
});
