/**
 * The browser bench's (bench/web-board.ts) own engine objects, `bbwebbench-…`, made with the
 * Engine API calls the CLI would make, and the built server as a child process. Kept apart from
 * bench/snapshot.ts so that this bench does not load the app's source: it talks to the built
 * server only, the way a browser does. Raw engine calls and the cleanup are in engine-api.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { engineJson, IMAGE } from './engine-api.js';
import { progressLog } from './progress.js';
import { stopChild } from './stop-child.js';

export const PREFIX = 'bbwebbench-';

/** With the seconds since the bench started: this bench runs for minutes. */
export const progress = progressLog('web-bench', { seconds: true });

/** Milliseconds on this process's clock, as an epoch time (comparable with the page's `timeOrigin + now()`). */
export const epochNow = (): number => performance.timeOrigin + performance.now();

// ---------------------------------------------------------------------------------------------
// The bench's objects
// ---------------------------------------------------------------------------------------------

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
/** Node's flags for the server, as scripts/start.sh and the Dockerfile run it (8 MiB semi-spaces). */
export const SERVER_FLAGS = ['--max-semi-space-size=8'];
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

export interface Credentials {
  username: string;
  password: string;
}

export interface Server {
  url: string;
  child: ChildProcess;
  /** The admin account the server made at start (BRIDGEBOARD_ADMIN_PASSWORD), for the pages to sign in with. */
  credentials: Credentials;
  /** A session cookie of that account (signed in once by the bench itself), for the bench's own GETs. */
  headers: Record<string, string>;
  /** The server's output so far (for failures). */
  output: () => string;
  stop: () => Promise<void>;
}

/** `POST /api/auth/login`; returns the `Cookie` header value for the session it starts. */
async function signIn(url: string, credentials: Credentials): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (res.status !== 200) throw new Error(`POST /api/auth/login → ${res.status} ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');
  if (!cookies.some((c) => c.startsWith('bb_session='))) throw new Error('POST /api/auth/login set no session cookie');
  return cookies.join('; ');
}

/**
 * `node apps/api/dist/server.js` on `port`, with its database in a fresh temporary DATA_DIR (removed
 * by `stop`), an `admin` account made from a random BRIDGEBOARD_ADMIN_PASSWORD, and the rate limit
 * raised (the bench polls the API and loads pages again and again). Resolves once /api/health
 * answers and the bench has signed in.
 */
export async function startServer(port: number): Promise<Server> {
  const dataDir = mkdtempSync(join(tmpdir(), `${PREFIX}data-`));
  const credentials: Credentials = { username: 'admin', password: `${PREFIX}${randomBytes(12).toString('hex')}` };
  const child = spawn(process.execPath, [...SERVER_FLAGS, SERVER], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      DATABASE_PATH: join(dataDir, 'bridgeboard.db'),
      BRIDGEBOARD_ADMIN_USER: credentials.username,
      BRIDGEBOARD_ADMIN_PASSWORD: credentials.password,
      RATE_LIMIT_PER_MINUTE: '1000000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const removeData = () => rmSync(dataDir, { recursive: true, force: true });
  const stop = async () => {
    await stopChild(child);
    removeData();
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      removeData();
      throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    }
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server did not answer /api/health within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  try {
    const cookie = await signIn(url, credentials);
    return { url, child, credentials, headers: { cookie }, output: () => output, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
