/**
 * Engine helpers for the browser bench (bench/web-board.ts): raw Engine API calls over the socket
 * with node:http, creating and removing the `bbwebbench-…` objects, and the built server as a
 * child process. Kept apart from bench/snapshot.ts so that this bench does not load the app's
 * source: it talks to the built server only, the way a browser does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, statSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { engineConnection } from '../apps/api/src/config.js';

export const PREFIX = 'bbwebbench-';
export const IMAGE = 'bridgeboard/busybox:offline';

/** Where the engine is, resolved as the app resolves it (DOCKER_HOST, else the local socket). */
const engine = engineConnection({ DOCKER_HOST: process.env.DOCKER_HOST });

/** A progress line on stderr, with the seconds since the bench started. */
export function progress(message: string): void {
  process.stderr.write(`[web-bench ${(performance.now() / 1000).toFixed(0).padStart(3)} s] ${message}\n`);
}

/** Milliseconds on this process's clock, as an epoch time (comparable with the page's `timeOrigin + now()`). */
export const epochNow = (): number => performance.timeOrigin + performance.now();

export interface Reply {
  status: number;
  body: string;
}

/** One Engine API call straight over the socket (no CLI, no dockerode); the body is read fully. */
export async function engineRequest(method: string, path: string, body?: unknown): Promise<Reply> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const where = engine.socketPath ? { socketPath: engine.socketPath } : { host: engine.host, port: engine.port };
  const headers: http.OutgoingHttpHeaders = { host: 'docker' };
  if (payload) Object.assign(headers, { 'content-type': 'application/json', 'content-length': payload.length });
  const req = http.request({ ...where, method, path, headers });
  req.end(payload);
  const [res] = (await once(req, 'response')) as [http.IncomingMessage];
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  return { status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() };
}

/** Like engineRequest, but fails unless 2xx, and parses the JSON answer. */
export async function engineJson<T>(method: string, path: string, body?: unknown): Promise<T> {
  const reply = await engineRequest(method, path, body);
  if (reply.status < 200 || reply.status >= 300) throw new Error(`${method} ${path} → ${reply.status}: ${reply.body.trim()}`);
  return (reply.body ? JSON.parse(reply.body) : null) as T;
}

/** Runs `work` over `items`, at most `limit` at once; stops starting new ones after the first failure, which it throws. */
export async function parallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (next < items.length && !failed) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, worker));
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
}

/** Nearest rank: p95 of 100 samples is the 95th smallest. NaN when empty. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1] ?? Number.NaN;
}

// ---------------------------------------------------------------------------------------------
// The bench's objects
// ---------------------------------------------------------------------------------------------

const filterQuery = (filters: Record<string, string[]>) => encodeURIComponent(JSON.stringify(filters));

let cleaning: Promise<{ containers: number; networks: number }> | null = null;

/**
 * Removes every container, then every network, whose name starts with `prefix` (default: all of
 * the bench's). Returns how many of each. A call made while another runs waits for it first.
 */
export function cleanup(prefix = PREFIX): Promise<{ containers: number; networks: number }> {
  const run = async () => {
    if (cleaning) await cleaning.catch(() => undefined);
    const [containers, networks] = await Promise.all([
      engineJson<{ Id: string; Names?: string[] }[]>('GET', `/containers/json?all=1&filters=${filterQuery({ name: [prefix] })}`),
      engineJson<{ Id: string; Name: string }[]>('GET', `/networks?filters=${filterQuery({ name: [prefix] })}`),
    ]);
    // The engine's name filter matches anywhere in the name; keep only what starts with the prefix.
    const mine = containers.filter((c) => (c.Names ?? []).some((n) => n.replace(/^\//, '').startsWith(prefix)));
    const nets = networks.filter((n) => n.Name.startsWith(prefix));
    await parallel(mine, 16, async (c) => {
      const reply = await engineRequest('DELETE', `/containers/${c.Id}?force=1&v=1`);
      // 404: gone already; 409: another removal of it is under way.
      if (![204, 404, 409].includes(reply.status)) throw new Error(`remove container ${c.Id}: ${reply.status} ${reply.body}`);
    });
    await parallel(nets, 8, async (n) => {
      const reply = await engineRequest('DELETE', `/networks/${n.Id}`);
      if (![204, 404].includes(reply.status)) throw new Error(`remove network ${n.Name}: ${reply.status} ${reply.body}`);
    });
    return { containers: mine.length, networks: nets.length };
  };
  const p = run();
  cleaning = p;
  return p;
}

/** `docker network create --subnet <subnet> <name>`, as the Engine API call the CLI makes. Returns the id. */
export async function createNetwork(name: string, subnet: string): Promise<string> {
  const made = await engineJson<{ Id: string }>('POST', '/networks/create', {
    Name: name,
    Driver: 'bridge',
    CheckDuplicate: true,
    IPAM: { Driver: 'default', Config: [{ Subnet: subnet }] },
  });
  return made.Id;
}

/** `docker create --network <network> --name <name> <IMAGE> <cmd…>`, as the Engine API call the CLI makes. Returns the id. */
export async function createContainer(name: string, network: string, cmd: string[]): Promise<string> {
  const made = await engineJson<{ Id: string }>('POST', `/containers/create?name=${encodeURIComponent(name)}`, {
    Image: IMAGE,
    Cmd: cmd,
    HostConfig: { NetworkMode: network },
    NetworkingConfig: { EndpointsConfig: { [network]: {} } },
  });
  return made.Id;
}

export async function startContainer(id: string): Promise<void> {
  await engineJson('POST', `/containers/${id}/start`);
}

// ---------------------------------------------------------------------------------------------
// The built server
// ---------------------------------------------------------------------------------------------

const ROOT = new URL('..', import.meta.url).pathname;
const SERVER = join(ROOT, 'apps/api/dist/server.js');
const WEB_INDEX = join(ROOT, 'apps/web/dist/index.html');

/** Newest modification time of a file under `dir` (skipping tests), in ms. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || /\.test\.tsx?$/.test(entry.name)) continue;
    latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

/** Fails without a build; returns a warning when a source file is newer than the build made from it. */
export function checkBuild(): string | null {
  if (!existsSync(SERVER) || !existsSync(WEB_INDEX)) {
    throw new Error('no build: run `npx turbo run build` first (apps/api/dist/server.js and apps/web/dist/index.html are needed)');
  }
  const packages = readdirSync(join(ROOT, 'packages')).map((p) => `packages/${p}/src`);
  const stale = [...['apps/web/src', ...packages].map((src) => [src, WEB_INDEX]), ['apps/api/src', SERVER]].filter(
    ([src = '', built = '']) => existsSync(join(ROOT, src)) && newest(join(ROOT, src)) > statSync(built).mtimeMs,
  );
  return stale.length
    ? `source newer than its build in ${stale.map(([src]) => src).join(', ')}: the numbers are for the older build`
    : null;
}

/** The first port from `from` on that nothing listens on (127.0.0.1). */
export async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 50; port++) {
    const server = net.createServer();
    const ok = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (ok) {
      await new Promise((resolve) => server.close(resolve));
      return port;
    }
  }
  throw new Error(`no free port in ${from}–${from + 49}`);
}

export interface Server {
  url: string;
  child: ChildProcess;
  /** The server's output so far (for failures). */
  output: () => string;
  stop: () => Promise<void>;
}

/** `node apps/api/dist/server.js` on `port`; resolves once /api/health answers. */
export async function startServer(port: number): Promise<Server> {
  const child = spawn(process.execPath, [SERVER], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, child, output: () => output, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server did not answer /api/health within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
