/**
 * The fleet bench's (bench/fleet.ts) server and its one client: the built server as a child
 * process (its memory is then its own, read from /proc), declaring the fleet's engines in an
 * ENGINES_FILE; an admin API token made with the server's own CLI before it starts; and one
 * socket.io client following every engine, keeping each engine's topology from its snapshot and
 * patches as a board does.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { io as connectSocket, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, EnginePatch, ServerToClientEvents, SubscribeAck } from '@bridgeboard/contract';
import { receivePatch, type Topology } from '@bridgeboard/topology';
import { Arrivals, PREFIX, type FleetEngine } from './fleet-engines.js';
import { epochNow, freePort, SERVER_FLAGS } from './web-engine.js';
import { stopChild } from './stop-child.js';

const ROOT = new URL('..', import.meta.url).pathname;
const SERVER = join(ROOT, 'apps/api/dist/server.js');
const CLI = join(ROOT, 'apps/api/dist/cli/main.js');
/** util-linux: runs a command with PR_SET_PDEATHSIG, so that it dies with its parent. */
const SETPRIV = '/usr/bin/setpriv';
const DATA_PREFIX = `${PREFIX}data-`;

/** Data dirs of earlier runs whose bench is gone (killed outright): `bbbench-fleet-data-<bench pid>-…`. */
function removeStaleData(): void {
  for (const name of readdirSync(tmpdir())) {
    const pid = name.startsWith(DATA_PREFIX) ? Number(name.slice(DATA_PREFIX.length).split('-')[0]) : 0;
    if (!pid || existsSync(`/proc/${pid}`)) continue;
    rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
}

export interface FleetServer {
  url: string;
  pid: number;
  /** An admin API token: `auth: { token }` in the socket.io handshake. */
  token: string;
  /** The server's output so far (for failures). */
  output: () => string;
  stop: () => Promise<void>;
}

/** VmRSS and VmHWM (the peak) of a process, in KiB, from /proc/<pid>/status. */
export function memoryOf(pid: number): { rssKiB: number; peakKiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssKiB: field('VmRSS'), peakKiB: field('VmHWM') };
}

export interface Scrape {
  /** `nodejs_heap_size_used_bytes`, in KiB. */
  heapKiB: number;
  /**
   * `nodejs_eventloop_lag_{p50,p99,max}_seconds` in ms: prom-client's monitorEventLoopDelay, sampled
   * every 10 ms (an idle loop shows ~10 ms) and reset at every scrape, so each scrape covers the
   * time since the one before.
   */
  loop: { p50: number; p99: number; max: number };
}

/** The server's own /metrics (signed in with the token): its V8 heap, and its event-loop delay since the last scrape. */
export async function scrape(server: FleetServer): Promise<Scrape> {
  const res = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${server.token}` } });
  if (!res.ok) throw new Error(`GET /metrics → ${res.status}`);
  const text = await res.text();
  const metric = (name: string) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
  const lagMs = (q: string) => metric(`nodejs_eventloop_lag_${q}_seconds`) * 1000;
  return { heapKiB: metric('nodejs_heap_size_used_bytes') / 1024, loop: { p50: lagMs('p50'), p99: lagMs('p99'), max: lagMs('max') } };
}

/**
 * `node apps/api/dist/server.js` with a fresh DATA_DIR (removed by `stop`) holding its database and
 * the engines file, the rate limit raised, and warnings only in its log. Resolves once /api/health
 * says every engine answers. `more` adds to its environment (the churn bench: DOCKER_HOST, and no engines file).
 */
export async function startServer(
  engines: Pick<FleetEngine, 'id' | 'socketPath'>[],
  more: Record<string, string> = {},
): Promise<FleetServer> {
  if (!existsSync(SERVER)) throw new Error('no build: run `npx turbo run build` first (apps/api/dist/server.js is needed)');
  removeStaleData();
  const dataDir = mkdtempSync(join(tmpdir(), `${DATA_PREFIX}${process.pid}-`));
  const removeData = () => rmSync(dataDir, { recursive: true, force: true });
  const enginesFile = join(dataDir, 'engines.yaml');
  writeFileSync(enginesFile, `engines:\n${engines.map((e) => `  - id: ${e.id}\n    host: unix://${e.socketPath}\n`).join('')}`);
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_PATH: join(dataDir, 'bridgeboard.db'),
    ...(engines.length ? { ENGINES_FILE: enginesFile } : {}),
    RATE_LIMIT_PER_MINUTE: '1000000',
    LOG_LEVEL: 'warn',
    ...more,
  };
  let token: string;
  try {
    // Made before the server opens the database, the way an operator scripts it: no password to hash.
    const made = await promisify(execFile)(process.execPath, [CLI, 'token', 'create', 'bench', '--role', 'admin'], { env });
    token = made.stdout.trim();
  } catch (err) {
    removeData();
    throw err;
  }
  const port = await freePort(4400);
  // Through setpriv (which execs it: same pid), the server dies with the bench even when the bench is
  // killed outright (SIGKILL runs no handler of ours).
  const [command, ...args] = existsSync(SETPRIV)
    ? [SETPRIV, '--pdeathsig', 'KILL', process.execPath, ...SERVER_FLAGS, SERVER]
    : [process.execPath, ...SERVER_FLAGS, SERVER];
  const child = spawn(command ?? process.execPath, args, {
    cwd: ROOT,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: 'pipe',
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  // Should the bench die without its cleanup (an uncaught error), the server must not outlive it.
  const orphaned = () => {
    child.kill('SIGKILL');
    removeData();
  };
  process.once('exit', orphaned);
  const stop = async () => {
    process.off('exit', orphaned);
    await stopChild(child);
    removeData();
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      removeData();
      throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    }
    const health = await fetch(`${url}/api/health`).then(
      (r) => (r.ok ? (r.json() as Promise<{ engines: Record<string, boolean> }>) : null),
      () => null,
    );
    const engineIds = health ? Object.keys(health.engines) : [];
    if (health && engines.every((e) => engineIds.includes(e.id)) && Object.values(health.engines).every(Boolean)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server's engines did not all answer within 60 s (${JSON.stringify(health)}):\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (child.pid === undefined) throw new Error('server has no pid');
  return { url, pid: child.pid, token, output: () => output, stop };
}

/** A patch as the client got it, stamped with its arrival (epoch ms). */
export interface ArrivedPatch {
  patch: EnginePatch;
  at: number;
}

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * One socket.io client subscribed to every engine: each engine's topology, kept from its snapshot
 * and patches by the board's own rule (`receivePatch`: apply the next rev, resync on a gap).
 * Every patch is offered to the waiters and to `onPatch`, stamped with its arrival.
 */
export class FleetClient extends Arrivals<ArrivedPatch> {
  readonly topologies = new Map<string, Topology>();
  /** Patches received, by engine. */
  readonly patchCount = new Map<string, number>();
  resyncs = 0;
  /** Every `engine` event: an engine heard to go away or come back, stamped (epoch ms). */
  readonly engineStates: { engine: string; reachable: boolean; at: number }[] = [];
  onPatch: ((arrived: ArrivedPatch) => void) | null = null;
  readonly #socket: ClientSocket;
  #changed: (() => void)[] = [];

  private constructor(socket: ClientSocket) {
    super();
    this.#socket = socket;
    socket.on('snapshot', (s) => this.#set(s.engine, s.topology));
    socket.on('engine', (s) => this.engineStates.push({ engine: s.engine, reachable: s.reachable, at: epochNow() }));
    socket.on('patch', (patch) => {
      const arrived = { patch, at: epochNow() };
      this.patchCount.set(patch.engine, (this.patchCount.get(patch.engine) ?? 0) + 1);
      const received = receivePatch(this.topologies.get(patch.engine), patch);
      if (received.kind === 'apply') this.#set(patch.engine, received.topology);
      if (received.kind === 'resync') {
        this.resyncs++;
        socket.emit('resync', patch.engine);
      }
      this.onPatch?.(arrived);
      this.arrive(arrived);
    });
  }

  /** Connects with `token`, follows `engines`, and resolves once each one's snapshot is in. */
  static async connect(url: string, token: string, engines: string[]): Promise<FleetClient> {
    const socket = connectSocket(url, { transports: ['websocket'], reconnection: false, auth: { token } }) as ClientSocket;
    const client = new FleetClient(socket);
    const ack = await new Promise<SubscribeAck>((resolve, reject) => {
      socket.once('connect_error', reject);
      socket.once('connect', () => socket.emit('subscribe', engines, resolve));
    });
    if (ack.refused.length) throw new Error(`subscribe refused: ${JSON.stringify(ack.refused)}`);
    await client.until(() => engines.every((id) => client.topologies.has(id)), 10_000, 'a snapshot of every engine');
    return client;
  }

  /** Resolves once `done()` holds (checked after every snapshot and patch); fails after `timeoutMs`. */
  async until(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 500));
        this.#changed.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.#socket.disconnect();
  }

  #set(engine: string, topology: Topology): void {
    this.topologies.set(engine, topology);
    const changed = this.#changed;
    this.#changed = [];
    for (const wake of changed) wake();
  }
}
