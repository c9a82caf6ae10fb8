/**
 * (d) Reachability served under load: 20 clients ask the real app for reachability at once, and
 * the app's event loop is watched meanwhile (perf_hooks.monitorEventLoopDelay). Two scopes: all
 * pairs at the route's cap (300 containers, ~90k pairs), and "from one container" at 2,000
 * containers, each client from a different one. Each runs twice: right after a change (a new
 * rev: the answer must be computed) and again at the same rev.
 *
 * The topology is the synthetic one of bench/reachability.ts, written into the app's store through
 * its own `update()`, and the app runs with no engine at all (DOCKER_HOST names a socket that does
 * not exist), so nothing else writes the store meanwhile. Why not real containers: the verdicts
 * that cost something need running containers with addresses, and 2,000 running containers are
 * more than this machine (and the shared engine) can hold; created-but-stopped ones, as the
 * browser bench makes, all get the cheap `stopped` verdict.
 */
import { once } from 'node:events';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { Topology } from '@bridgeboard/topology';
import { buildServer } from '../apps/api/src/build.js';
import { loadConfig } from '../apps/api/src/config.js';
import { progressLog } from './progress.js';
import type { ClientsResult, ClientsRound } from './reachability-clients.js';
import { quantile } from './stats.js';
import { topologyOf } from '../packages/topology/test/synthetic-topology.js';
import { columnGroup, kib, ms, renderTable } from './table.js';

export const CLIENTS = 20;
/** ALL_PAIRS_MAX in apps/api/src/routes/api/engines/local/reachability.ts: all pairs of more is refused. */
const ALL_PAIRS_CONTAINERS = 300;
const FROM_ONE_CONTAINERS = 2000;
/** The event loop is sampled every millisecond: an idle loop shows about 1 ms. */
const SAMPLE_MS = 1;
/** No engine answers here, so the watcher never writes the store; it retries in the background. */
const NO_ENGINE = 'unix:///nonexistent/bbbench-no-engine.sock';

const progress = progressLog('bench reachability');

export interface LoadRow {
  scope: string;
  containers: number;
  rev: 'new' | 'same';
  /** Per request, ms from sending it to the answer's last byte. */
  latencies: number[];
  /** Event-loop delay while the requests ran, and the longest run of the app's thread in CPU time (longestRun), ms. */
  loop: { p50: number; p99: number; max: number; cpu: number };
  /** One answer's size. */
  bytes: number;
}

/**
 * The longest the app's thread ran between two ticks of a 1 ms timer, in CPU time of that thread
 * (process.threadCpuUsage): the delay's share that is the app's own work. On a busy machine the
 * delay also holds the time the OS ran other processes instead, which no code of ours can remove.
 */
function longestRun(): () => number {
  let last = process.threadCpuUsage();
  let longest = 0;
  const timer = setInterval(() => {
    const now = process.threadCpuUsage();
    longest = Math.max(longest, (now.user - last.user + now.system - last.system) / 1000);
    last = now;
  }, SAMPLE_MS);
  return () => {
    clearInterval(timer);
    return longest;
  };
}

type Round = Extract<ClientsResult, { latencies: number[] }>;

/** Sends one round through the clients' worker; the app's event loop is watched from the first request to the last answer. */
async function round(clients: Worker, urls: string[], token: string): Promise<{ result: Round; loop: LoadRow['loop'] }> {
  const delay = monitorEventLoopDelay({ resolution: SAMPLE_MS });
  delay.enable();
  const stopRun = longestRun();
  const answered = once(clients, 'message') as Promise<[ClientsResult]>;
  clients.postMessage({ urls, token } satisfies ClientsRound);
  const [result] = await answered;
  const cpu = stopRun();
  delay.disable();
  if ('error' in result) throw new Error(result.error);
  const at = (p: number) => delay.percentile(p) / 1e6;
  return { result, loop: { p50: at(50), p99: at(99), max: delay.max / 1e6, cpu } };
}

/** A change that makes a new rev without changing any verdict: a label on the first container. */
function relabel(t: Topology, n: number): Topology {
  const first = Object.values(t.containers)[0];
  if (!first) return t;
  return { ...t, containers: { ...t.containers, [first.id]: { ...first, labels: { 'bench.round': String(n) } } } };
}

export async function runReachabilityLoad(): Promise<LoadRow[]> {
  const config = loadConfig({ LOG_LEVEL: 'error', DATABASE_PATH: ':memory:', RATE_LIMIT_PER_MINUTE: '1000000', DOCKER_HOST: NO_ENGINE });
  progress('starting the app with no engine (it waits 5 s for a first list that never comes)');
  const app = await buildServer({ config }, { logger: { level: 'error' } });
  // Runs under tsx, whose loader the worker inherits (execArgv), so it can be TypeScript too.
  const clients = new Worker(new URL('./reachability-clients.ts', import.meta.url));
  try {
    // A viewer: the role the issue is about (anyone who may look can ask).
    const token = app.tokens.create('bench', 'viewer', 'bench').secret;
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const base = address.replace('localhost', '127.0.0.1');
    const scenarios = [
      {
        scope: 'all pairs',
        containers: ALL_PAIRS_CONTAINERS,
        paths: () => Array.from({ length: CLIENTS }, () => '/api/engines/local/reachability'),
      },
      {
        scope: 'from one',
        containers: FROM_ONE_CONTAINERS,
        // Each client its own container: twenty different answers.
        paths: () =>
          Array.from({ length: CLIENTS }, (_, i) => `/api/engines/local/reachability?from=ctr${(i * 97 + 5) % FROM_ONE_CONTAINERS}`),
      },
    ];
    const rows: LoadRow[] = [];
    let changes = 0;
    for (const s of scenarios) {
      const t = topologyOf(s.containers);
      app.defaultEngine.store.update(() => relabel(t, ++changes));
      for (const rev of ['new', 'same'] as const) {
        progress(`${s.scope} at ${s.containers} containers, ${rev} rev: ${CLIENTS} clients`);
        const { result, loop } = await round(
          clients,
          s.paths().map((path) => `${base}${path}`),
          token,
        );
        const body = result.first ? Buffer.from(result.first).toString('utf8') : '{}';
        const pairs = (JSON.parse(body) as { pairs?: unknown[] }).pairs?.length;
        const expected = s.scope === 'all pairs' ? s.containers * (s.containers - 1) : s.containers - 1;
        if (pairs !== expected) throw new Error(`${s.scope}: ${pairs} pairs in the answer, expected ${expected}`);
        rows.push({ scope: s.scope, containers: s.containers, rev, latencies: result.latencies, loop, bytes: result.bytes[0] ?? 0 });
      }
    }
    return rows;
  } finally {
    await clients.terminate();
    await app.close();
  }
}

export function reachabilityLoadTable(rows: LoadRow[]): string {
  const spread = (v: number[]) => [ms(quantile(v, 0.5)), ms(quantile(v, 0.99)), ms(Math.max(...v))];
  return renderTable(
    [
      ...columnGroup('scope', ['', 'ctrs', 'rev'], true),
      ...columnGroup('answer', ['KiB']),
      ...columnGroup(`${CLIENTS} requests, ms`, ['p50', 'p99', 'max']),
      ...columnGroup('event-loop delay, ms', ['p50', 'p99', 'max', 'CPU']),
    ],
    rows.map((r) => [
      r.scope,
      String(r.containers),
      r.rev,
      kib(r.bytes),
      ...spread(r.latencies),
      ms(r.loop.p50),
      ms(r.loop.p99),
      ms(r.loop.max),
      ms(r.loop.cpu),
    ]),
  );
}

export const reachabilityLoadHeader = [
  `(d) Reachability under load: ${CLIENTS} clients send GET /api/engines/local/reachability at once (a viewer's token) to an app that holds a`,
  `    synthetic topology and no engine. all pairs: ${ALL_PAIRS_CONTAINERS} containers (the route's cap); from one: ${FROM_ONE_CONTAINERS}`,
  '    containers, each client from another. new rev: right after a change; same rev: the same requests again.',
  `    requests: from sending to the last byte (the clients run on a worker thread) · event-loop delay: monitorEventLoopDelay,`,
  `    sampled every ${SAMPLE_MS} ms (idle ≈ ${SAMPLE_MS} ms) · CPU: the longest the app's thread ran between two samples, in its own CPU time.`,
];
