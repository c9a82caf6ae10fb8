import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The api package's folder: children run from here, as `npm run` would run them. */
export const API_DIR = fileURLToPath(new URL('../..', import.meta.url));

/**
 * `node` with tsx loaded in-process (not the `tsx` launcher, which would sit between the test and
 * the server and relay signals), reading workspace packages from their source.
 */
export const TSX_NODE = [process.execPath, '--conditions=source', '--import', 'tsx'];

/** Only what a child needs: no settings leak in from the shell running the tests. `PATH` may be replaced. */
export function childEnv(extra: Record<string, string>): Record<string, string> {
  return { PATH: `${dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`, HOME: tmpdir(), ...extra };
}

export function tempDir(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface Running {
  child: ChildProcess;
  /** Everything written so far. */
  output: () => { stdout: string; stderr: string };
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

/**
 * Starts `args` on the api's source (tsx), or, with `command`, a command line as a shell would
 * (`['npx', 'bridgeboard', …]`) from `cwd`.
 */
export function start(args: string[], env: Record<string, string>, opts: { command?: boolean; cwd?: string } = {}): Running {
  const [command = process.execPath, ...rest] = opts.command ? args : [...TSX_NODE, ...args];
  const child = spawn(command, rest, { cwd: opts.cwd ?? API_DIR, env: childEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // `at` is when the process ended; the promise waits for 'close' too, when its output is all read.
  let endedAt = 0;
  child.once('exit', () => (endedAt = Date.now()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal, at: endedAt || Date.now() })),
  );
  return { child, output: () => ({ stdout, stderr }), exited };
}

/** Runs to the end: exit code and output. `input` is written to stdin, which is then closed. */
export async function run(
  args: string[],
  env: Record<string, string>,
  input?: string,
  opts: { command?: boolean; cwd?: string } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const running = start(args, env, opts);
  running.child.stdin?.end(input ?? '');
  const { code } = await running.exited;
  return { code, ...running.output() };
}

/** Polls `url` until it answers 200 (the server is listening and ready) or the child exits. */
export async function waitReady(url: string, running: Running, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && running.child.exitCode === null) {
    try {
      const res = await fetch(url);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} not ready: ${JSON.stringify(running.output())}`);
}
