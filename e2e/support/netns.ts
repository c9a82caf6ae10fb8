/**
 * The browser's own network namespace.
 *
 * Chromium on the Docker host watches the host's interfaces; every bridge or veth Docker adds or
 * removes makes it abort requests in flight (ERR_NETWORK_CHANGED). The tests make and remove
 * networks all the time, so Chromium runs in a namespace that holds only `lo` and one end of a
 * veth pair (chromium-netns.sh). Two small TCP forwarders per port carry the app (and the test
 * OpenID provider's pages, sso.ts) across:
 *
 *   browser ─▶ 127.0.0.1:8181 (in the namespace) ─▶ 10.254.77.1:8181 (host end of the veth)
 *           ─▶ 127.0.0.1:8181 (the server on the host)
 *
 * Playwright drives Chromium over a pipe, which does not care about namespaces. Everything here
 * is idempotent: a run that crashed leaves nothing that stops the next one.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync, chmodSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NETNS = process.env.BRIDGEBOARD_E2E_NETNS_NAME ?? 'bbe2e-ns';
const VETH_HOST = 'bbe2e-vh';
const VETH_NS = 'bbe2e-vn';
/** A /30 that exists only on this machine, only for this. */
export const HOST_ADDRESS = '10.254.77.1';
const NS_ADDRESS = '10.254.77.2';
const PREFIX_LENGTH = 30;

/** The browser is kept out of the host's network unless this is set to `off`. */
export const netnsEnabled = (): boolean => process.env.BRIDGEBOARD_E2E_NETNS !== 'off';

export const WRAPPER = fileURLToPath(new URL('./chromium-netns.sh', import.meta.url));
const FORWARDER = fileURLToPath(new URL('./tcp-forward.mjs', import.meta.url));
const STATE_DIR = join(tmpdir(), 'bridgeboard-e2e');

interface Forwarder {
  /** `host-8181`, `netns-8181`: which end, for which port. */
  id: string;
  /** The command that runs the forwarder (with `ip netns exec` in front for the namespace). */
  argv: string[];
}

function ip(...args: string[]): string {
  return execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function ipOk(...args: string[]): boolean {
  try {
    ip(...args);
    return true;
  } catch {
    return false;
  }
}

function ensureNamespace(): void {
  const list = ip('netns', 'list');
  if (!list.split('\n').some((line) => line.split(' ')[0] === NETNS)) ip('netns', 'add', NETNS);
  ip('netns', 'exec', NETNS, 'ip', 'link', 'set', 'lo', 'up');
  // The pair is whole only when the namespace holds its end; a half left by an earlier run goes.
  if (!ipOk('netns', 'exec', NETNS, 'ip', 'link', 'show', VETH_NS)) {
    if (ipOk('link', 'show', VETH_HOST)) ip('link', 'del', VETH_HOST);
    ip('link', 'add', VETH_HOST, 'type', 'veth', 'peer', 'name', VETH_NS, 'netns', NETNS);
  }
  ip('addr', 'replace', `${HOST_ADDRESS}/${PREFIX_LENGTH}`, 'dev', VETH_HOST);
  ip('link', 'set', VETH_HOST, 'up');
  ip('netns', 'exec', NETNS, 'ip', 'addr', 'replace', `${NS_ADDRESS}/${PREFIX_LENGTH}`, 'dev', VETH_NS);
  ip('netns', 'exec', NETNS, 'ip', 'link', 'set', VETH_NS, 'up');
}

const pidFile = (id: Forwarder['id']) => join(STATE_DIR, `forward-${id}.pid`);
const logFile = (id: Forwarder['id']) => join(STATE_DIR, `forward-${id}.log`);

const isForwarder = (pid: number): boolean => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('tcp-forward.mjs');
  } catch {
    return false; // gone
  }
};

/** Stops a forwarder this setup started earlier (by the pid it wrote down), and only if it is one. */
async function stopForwarder(id: Forwarder['id']): Promise<void> {
  const file = pidFile(id);
  if (!existsSync(file)) return;
  const pid = Number(readFileSync(file, 'utf8').trim());
  rmSync(file, { force: true });
  if (!Number.isInteger(pid) || pid <= 1 || !isForwarder(pid)) return; // gone, or the pid was reused
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return; // gone in between
  }
  const deadline = Date.now() + 5_000;
  while (isForwarder(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  if (isForwarder(pid)) process.kill(pid, 'SIGKILL');
}

async function startForwarder(f: Forwarder): Promise<void> {
  await stopForwarder(f.id);
  const log = logFile(f.id);
  writeFileSync(log, '');
  const fd = openSync(log, 'a');
  const [command = '', ...args] = f.argv;
  const child = spawn(command, args, { detached: true, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  if (child.pid === undefined) throw new Error(`could not start the ${f.id} forwarder: ${f.argv.join(' ')}`);
  writeFileSync(pidFile(f.id), String(child.pid));
  child.unref();
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const text = readFileSync(log, 'utf8');
    if (text.includes('listening')) return;
    if (child.exitCode !== null || text.includes('EADDRINUSE') || text.includes('Error')) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the ${f.id} forwarder did not start (${f.argv.join(' ')}):\n${readFileSync(log, 'utf8')}`);
}

/** Makes the namespace and the forwarders for each port (the server's first); checks that the server answers from inside. */
export async function setUpNetns(ports: readonly number[]): Promise<void> {
  const [port] = ports;
  if (port === undefined) throw new Error('setUpNetns: no port to forward');
  if (process.getuid?.() !== 0)
    throw new Error('the browser namespace needs root (ip netns); set BRIDGEBOARD_E2E_NETNS=off to run without it');
  mkdirSync(STATE_DIR, { recursive: true });
  chmodSync(WRAPPER, 0o755);
  ensureNamespace();
  // The host end accepts the namespace only: containers can reach the host's addresses too.
  for (const p of ports) {
    await startForwarder({
      id: `host-${p}`,
      argv: [process.execPath, FORWARDER, HOST_ADDRESS, String(p), '127.0.0.1', String(p), NS_ADDRESS],
    });
    await startForwarder({
      id: `netns-${p}`,
      argv: ['ip', 'netns', 'exec', NETNS, process.execPath, FORWARDER, '127.0.0.1', String(p), HOST_ADDRESS, String(p)],
    });
  }
  // From inside: the namespace sees only its own links, and the server through the forwarders.
  const links = ip('-o', '-netns', NETNS, 'link', 'show')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split(':')[1]?.trim().split('@')[0]);
  if (links.some((l) => l !== 'lo' && l !== VETH_NS)) throw new Error(`namespace ${NETNS} holds unexpected links: ${links.join(', ')}`);
  const probe = `fetch('http://127.0.0.1:${port}/api/health').then((r) => process.exit(r.ok ? 0 : 1), (e) => { console.error(e); process.exit(2); })`;
  execFileSync('ip', ['netns', 'exec', NETNS, process.execPath, '-e', probe], { stdio: 'inherit', timeout: 15_000 });
}

/** Stops the forwarders and removes the namespace (its end of the veth pair takes the other with it). */
export async function tearDownNetns(): Promise<void> {
  const started = existsSync(STATE_DIR) ? readdirSync(STATE_DIR).filter((f) => /^forward-.+\.pid$/.test(f)) : [];
  const ids = started.map((f) => f.slice('forward-'.length, -'.pid'.length));
  for (const id of ids.filter((i) => i.startsWith('netns'))) await stopForwarder(id);
  for (const id of ids.filter((i) => !i.startsWith('netns'))) await stopForwarder(id);
  if (ipOk('netns', 'pids', NETNS)) {
    const left = ip('netns', 'pids', NETNS).trim();
    // Something still runs in there (a browser that did not exit): leave the namespace to the next setup.
    if (left) return;
    ipOk('netns', 'del', NETNS);
  }
  if (ipOk('link', 'show', VETH_HOST)) ipOk('link', 'del', VETH_HOST);
}
