/**
 * The Engine API straight over the engine socket with node:http (no CLI, no dockerode), for both
 * benches: their own calls, making networks, and removing their objects by name prefix. Loads
 * nothing of the app but how it finds the engine, so the browser bench can use it too.
 */
import { once } from 'node:events';
import http from 'node:http';
import { engineConnection, type EngineConnection } from '../apps/api/src/config.js';
import { parallel } from './parallel.js';

/** The offline image `scripts/engine.sh` makes sure of: the benches never pull. */
export const IMAGE = 'bridgeboard/busybox:offline';

/** Where the engine is, exactly as the app resolves it (DOCKER_HOST, else the local socket). */
export const engine: EngineConnection = engineConnection({ DOCKER_HOST: process.env.DOCKER_HOST });

export interface Reply {
  status: number;
  /** Raw bytes: the snapshot bench counts answer sizes in bytes. */
  body: Buffer;
}

/** Where and how to send one call; also used to forward a proxied request. */
export function requestOptions(method: string, path: string): http.RequestOptions {
  const where = engine.socketPath ? { socketPath: engine.socketPath } : { host: engine.host, port: engine.port };
  return { ...where, method, path, headers: { host: 'docker' } };
}

/** One engine API call, body read fully. */
export async function engineRequest(method: string, path: string, body?: unknown): Promise<Reply> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const opts = requestOptions(method, path);
  if (payload) opts.headers = { ...opts.headers, 'content-type': 'application/json', 'content-length': payload.length };
  const req = http.request(opts);
  req.end(payload);
  const [res] = (await once(req, 'response')) as [http.IncomingMessage];
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  return { status: res.statusCode ?? 0, body: Buffer.concat(chunks) };
}

/** Like engineRequest, but fails unless 2xx and parses the JSON answer. */
export async function engineJson<T>(method: string, path: string, body?: unknown): Promise<T> {
  const reply = await engineRequest(method, path, body);
  if (reply.status < 200 || reply.status >= 300) {
    throw new Error(`${method} ${path} → ${reply.status}: ${reply.body.toString().trim()}`);
  }
  return (reply.body.length ? JSON.parse(reply.body.toString()) : null) as T;
}

/** An open GET on the engine (used for `/events`); the caller reads and destroys the response. */
export async function engineStream(path: string): Promise<http.IncomingMessage> {
  const req = http.request(requestOptions('GET', path));
  req.end();
  const [res] = (await once(req, 'response')) as [http.IncomingMessage];
  if (res.statusCode !== 200) throw new Error(`GET ${path} → ${String(res.statusCode)}`);
  return res;
}

/**
 * `docker network create [--subnet <subnet>] <name>`, as the Engine API call the CLI makes (bench
 * names are unique per run). Returns the id. Without a subnet the engine picks one from its pools.
 */
export async function createNetwork(name: string, subnet?: string): Promise<string> {
  const made = await engineJson<{ Id: string }>('POST', '/networks/create', {
    Name: name,
    Driver: 'bridge',
    ...(subnet === undefined ? {} : { IPAM: { Driver: 'default', Config: [{ Subnet: subnet }] } }),
  });
  return made.Id;
}

const filterQuery = (filters: Record<string, string[]>) => encodeURIComponent(JSON.stringify(filters));

let cleaning: Promise<unknown> | null = null;

/**
 * Removes every container, then every network, whose name starts with `prefix`. Returns how many
 * of each. A call made while another runs waits for it first, then looks again: a signal and a
 * failing bench may both ask, and objects may have been made meanwhile.
 */
export function cleanup(prefix: string): Promise<{ containers: number; networks: number }> {
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
      if (![204, 404, 409].includes(reply.status)) throw new Error(`remove container ${c.Id}: ${reply.status} ${reply.body.toString()}`);
    });
    await parallel(nets, 8, async (n) => {
      const reply = await engineRequest('DELETE', `/networks/${n.Id}`);
      // Docker 20.10 can leak an endpoint when thousands of containers are force-removed at once: the
      // network then says "active endpoints" with no container on it, until the engine restarts.
      // Nothing the bench can do short of restarting a shared engine: it says so and leaves it.
      if (reply.status === 403 && reply.body.toString().includes('active endpoints')) {
        console.warn(`[bench] ${n.Name} keeps an endpoint the engine leaked (no container is on it); left until the engine restarts`);
        return;
      }
      if (![204, 404].includes(reply.status)) throw new Error(`remove network ${n.Name}: ${reply.status} ${reply.body.toString()}`);
    });
    return { containers: mine.length, networks: nets.length };
  };
  const p = run();
  cleaning = p;
  return p;
}
