/**
 * (a) What one full view of the topology costs, for a growing number of containers, four ways:
 * the app's HTTP snapshot (served from its store), the app's relist (the full engine read it makes
 * at start and after every reconnect), the engine's two bare list calls, and the CLI's
 * `docker network inspect $(docker network ls -q)`.
 *
 * Also home to what the event bench shares with it: the app (startApp, listen), the CLI, and
 * `stopping`. Raw engine calls and the cleanup are in engine-api.ts, shared with the browser bench.
 */
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import Docker from 'dockerode';
import { buildServer } from '../apps/api/src/build.js';
import { loadConfig } from '../apps/api/src/config.js';
import { callKey as appCallKey } from '../apps/api/src/engine/engine-allowlist.js';
import { listAll } from '../apps/api/src/engine/engine-reader.js';
import { createNetwork, engine, engineRequest, IMAGE, requestOptions, type Reply } from './engine-api.js';
import { parallel } from './parallel.js';
import { progressLog } from './progress.js';
import { median } from './stats.js';

const execFileP = promisify(execFile);

export const PREFIX = 'bbbench-';
const CREATE_PARALLEL = 8;

// ---------------------------------------------------------------------------------------------
// Shared with the event bench
// ---------------------------------------------------------------------------------------------

export type App = Awaited<ReturnType<typeof buildServer>>;

/**
 * The real app against the real engine, as the tests' startApp() builds it (apps/api/test/helpers/app.ts):
 * a fresh in-memory database, and the rate limit raised so that the bench's requests are not refused.
 * No BRIDGEBOARD_ADMIN_PASSWORD: hashing it (argon2id) at every start would land in the relist's
 * time (2); the bench signs in with an API token instead (`benchToken`), minted outside any timing.
 */
export function startApp(): Promise<App> {
  // Errors only: the app's warnings (e.g. "web app not built", the setup token) would land between the tables.
  const config = loadConfig({ LOG_LEVEL: 'error', DATABASE_PATH: ':memory:', RATE_LIMIT_PER_MINUTE: '1000000' });
  return buildServer({ config }, { logger: { level: 'error' } });
}

const tokens = new WeakMap<App, string>();

/** An admin API token of `app` (made on first use): `Authorization: Bearer <it>`, or the socket's `auth: { token }`. */
export function benchToken(app: App): string {
  let token = tokens.get(app);
  if (!token) {
    token = app.tokens.create('bench', 'admin', 'bench').secret;
    tokens.set(app, token);
  }
  return token;
}

/** The app listening on a free loopback port; returns its base URL. */
export async function listen(app: App): Promise<string> {
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return address.replace('localhost', '127.0.0.1');
}

/** Runs the docker CLI; returns trimmed stdout. */
export async function cli(args: string[], env?: NodeJS.ProcessEnv): Promise<string> {
  const { stdout } = await execFileP('docker', args, { maxBuffer: 256 * 1024 * 1024, env: env ?? process.env });
  return stdout.trim();
}

/** Aborted on Ctrl-C / SIGTERM: work that makes objects stops starting new ones. */
export const stopping = new AbortController();

export const progress = progressLog('bench');

/** Wraps a dockerode client so every call it makes is counted as `METHOD /path` (ids folded). */
function countingDocker(): { docker: Docker; calls: Map<string, number> } {
  const docker = new Docker(engine);
  const calls = new Map<string, number>();
  const modem = docker.modem as { dial: (options: { method?: string; path?: string }, cb: unknown) => unknown };
  const dial = modem.dial.bind(modem);
  modem.dial = (options, cb) => {
    const key = callKey(options.method ?? 'GET', options.path ?? '');
    calls.set(key, (calls.get(key) ?? 0) + 1);
    return dial(options, cb);
  };
  return { docker, calls };
}

/** `METHOD /path` with ids (and an API version prefix) folded, by the rule the app's `engineCalls` keys use. */
function callKey(method: string, path: string): string {
  return appCallKey({ method, path });
}

const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

function diffCalls(before: Map<string, number>, after: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, n] of after) {
    const d = n - (before.get(key) ?? 0);
    if (d > 0) out.set(key, d);
  }
  return out;
}

/** `GET /containers/{id}/json ×512, GET /networks ×1` — largest first. */
export function describeCalls(calls: Map<string, number>): string {
  return [...calls]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([key, n]) => `${key} ×${n}`)
    .join(', ');
}

// ---------------------------------------------------------------------------------------------
// A counting proxy for the CLI: the docker CLI talks to it, it forwards every request to the
// engine and counts it. Used only for the untimed run that counts the CLI's calls.
// ---------------------------------------------------------------------------------------------

async function withCountingProxy<T>(work: (dockerHost: string) => Promise<T>): Promise<{ result: T; calls: Map<string, number> }> {
  const calls = new Map<string, number>();
  const socketPath = join(tmpdir(), `${PREFIX}proxy-${process.pid}.sock`);
  rmSync(socketPath, { force: true });
  const server = http.createServer((req, res) => {
    const key = callKey(req.method ?? 'GET', req.url ?? '');
    calls.set(key, (calls.get(key) ?? 0) + 1);
    const upstream = http.request({ ...requestOptions(req.method ?? 'GET', req.url ?? '/'), headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.listen(socketPath);
  await once(server, 'listening');
  try {
    const result = await work(`unix://${socketPath}`);
    return { result, calls };
  } finally {
    server.closeAllConnections();
    server.close();
    rmSync(socketPath, { force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// The measurements
// ---------------------------------------------------------------------------------------------

export interface Measure {
  /** Median wall time, ms. */
  ms: number;
  /** Engine API calls per snapshot. */
  calls: number;
  /** Calls by `METHOD /path`, for the footnotes. */
  breakdown: Map<string, number>;
  /** Size of the answer (bytes), where there is one. */
  bytes?: number;
}

export interface SnapshotRow {
  extra: number;
  /** What the engine held while measuring (everything, not just the bench's objects). */
  containers: number;
  networks: number;
  /** Endpoints in the app's snapshot (configured ones of created containers included). */
  endpoints: number;
  http: Measure;
  relist: Measure;
  listAll: Measure;
  engineLists: Measure;
  cliInspect: Measure;
  notes: string[];
}

export interface SnapshotOptions {
  sizes: number[];
  httpRequests: number;
  relistRuns: number;
  rawRuns: number;
  cliRuns: number;
}

export const BENCH_NETWORK = `${PREFIX}net`;

/** Creates `bbbench-c-<from>` … `bbbench-c-<to - 1>` with the CLI, CREATE_PARALLEL at a time. */
async function createContainers(from: number, to: number): Promise<void> {
  const indexes = Array.from({ length: to - from }, (_, i) => from + i);
  await parallel(
    indexes,
    CREATE_PARALLEL,
    async (i) => {
      await cli(['create', '--name', `${PREFIX}c-${i}`, '--network', BENCH_NETWORK, IMAGE, 'sleep', '1']);
    },
    stopping.signal,
  );
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const t0 = performance.now();
  const result = await work();
  return { ms: performance.now() - t0, result };
}

/** (1) GET /api/engines/local/topology against a listening app: median of `n` requests and the engine calls they caused. */
async function measureHttp(app: App, n: number): Promise<Measure & { endpoints: number; revMoved: boolean }> {
  const url = `${await listen(app)}/api/engines/local/topology`;
  const headers = { authorization: `Bearer ${benchToken(app)}` };
  const get = async () => {
    const res = await fetch(url, { headers });
    if (res.status !== 200) throw new Error(`GET /api/engines/local/topology → ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  };
  await get(); // warm-up: route compilation, first serialisation, connection
  await get();
  const before = new Map(app.defaultEngine.client.calls);
  const rev = app.defaultEngine.store.current.rev;
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const { ms, result } = await timed(get);
    times.push(ms);
    bytes = result.length;
  }
  const breakdown = diffCalls(before, app.defaultEngine.client.calls);
  return {
    ms: median(times),
    calls: sum(breakdown),
    breakdown,
    bytes,
    endpoints: Object.keys(app.defaultEngine.store.current.endpoints).length,
    revMoved: app.defaultEngine.store.current.rev !== rev,
  };
}

/** (3) The engine's own list calls, both issued at once (as the app's relist does): median wall time. */
async function measureEngineLists(runs: number): Promise<Measure & { containers: number; networks: number }> {
  const times: number[] = [];
  let last: Reply[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const { ms, result } = await timed(() =>
      Promise.all([engineRequest('GET', '/networks'), engineRequest('GET', '/containers/json?all=1')]),
    );
    if (i > 0) times.push(ms); // the first is a warm-up
    last = result;
  }
  const [networks, containers] = last.map((r) => JSON.parse(r.body.toString()) as unknown[]);
  return {
    ms: median(times),
    calls: 2,
    breakdown: new Map([
      ['GET /networks', 1],
      ['GET /containers/json', 1],
    ]),
    bytes: last.reduce((a, r) => a + r.body.length, 0),
    containers: containers?.length ?? 0,
    networks: networks?.length ?? 0,
  };
}

/** (4) `docker network inspect $(docker network ls -q)`: both CLI runs, timed; calls counted in one extra run through the proxy. */
async function measureCli(runs: number): Promise<Measure> {
  const inspectAll = async (env?: NodeJS.ProcessEnv) => {
    const ids = (await cli(['network', 'ls', '-q'], env)).split('\n').filter(Boolean);
    return cli(['network', 'inspect', ...ids], env);
  };
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const { ms, result } = await timed(() => inspectAll());
    times.push(ms);
    bytes = Buffer.byteLength(result);
  }
  const { calls } = await withCountingProxy((host) => inspectAll({ ...process.env, DOCKER_HOST: host }));
  return { ms: median(times), calls: sum(calls), breakdown: calls, bytes };
}

/** (2) The relist: fresh startApp() until ready (median of `runs`), and listAll() alone on a counting client. */
async function measureRelist(
  runs: number,
  expectContainers: number,
): Promise<{ relist: Measure; listAll: Measure; app: App; notes: string[] }> {
  const notes: string[] = [];
  const times: number[] = [];
  let app: App | null = null;
  let breakdown = new Map<string, number>();
  for (let i = 0; i < runs; i++) {
    if (app) await app.close();
    const { ms, result } = await timed(startApp);
    app = result;
    times.push(ms);
    breakdown = new Map(app.defaultEngine.client.calls);
    const seen = Object.keys(app.defaultEngine.store.current.containers).length;
    if (!app.defaultEngine.watcher.status.reachable || seen < expectContainers) {
      notes.push(`startApp() came back before its first full list (store holds ${seen} containers, expected ≥ ${expectContainers})`);
    }
  }
  if (!app) throw new Error('no runs');

  const counting = countingDocker();
  await listAll(counting.docker); // warm-up
  counting.calls.clear();
  const listTimes: number[] = [];
  let listCalls = new Map<string, number>();
  for (let i = 0; i < runs; i++) {
    counting.calls.clear();
    const { ms } = await timed(() => listAll(counting.docker));
    listTimes.push(ms);
    listCalls = new Map(counting.calls);
  }
  return {
    relist: { ms: median(times), calls: sum(breakdown), breakdown },
    listAll: { ms: median(listTimes), calls: sum(listCalls), breakdown: listCalls },
    app,
    notes,
  };
}

export async function runSnapshotBench(opts: SnapshotOptions): Promise<SnapshotRow[]> {
  await createNetwork(BENCH_NETWORK);
  const rows: SnapshotRow[] = [];
  let have = 0;
  for (const extra of opts.sizes) {
    if (extra > have) {
      progress(`creating containers ${PREFIX}c-${have}…${extra - 1} (${CREATE_PARALLEL} at a time)`);
      const { ms } = await timed(() => createContainers(have, extra));
      progress(`  ${extra - have} created in ${(ms / 1000).toFixed(1)} s`);
      have = extra;
    }
    progress(`measuring with ${extra} extra containers`);
    const lists = await measureEngineLists(opts.rawRuns);
    const { relist, listAll: listAllMeasure, app, notes } = await measureRelist(opts.relistRuns, extra);
    let http: Awaited<ReturnType<typeof measureHttp>>;
    try {
      http = await measureHttp(app, opts.httpRequests);
    } finally {
      await app.close();
    }
    if (http.revMoved)
      notes.push('the store changed while GET /api/engines/local/topology was measured (another client is using the engine)');
    const cliInspect = await measureCli(opts.cliRuns);
    rows.push({
      extra,
      containers: lists.containers,
      networks: lists.networks,
      endpoints: http.endpoints,
      http,
      relist,
      listAll: listAllMeasure,
      engineLists: lists,
      cliInspect,
      notes,
    });
  }
  return rows;
}
