/**
 * The fleet bench's (bench/fleet.ts) side of the engines: the namespaced dockerds of
 * `scripts/fleet.sh`, each reached over its own socket with `node:http` (engine-api.ts is bound to
 * the one engine the app starts with), the objects the bench makes on them, their `/events`, and
 * the removal of everything named `bbbench-fleet-…`.
 */
import { execFile } from 'node:child_process';
import http from 'node:http';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { IMAGE } from './engine-api.js';
import { parallel } from './parallel.js';
import { epochNow } from './web-engine.js';

export const PREFIX = 'bbbench-fleet-';
const ROOT = new URL('..', import.meta.url).pathname;

/** `bash scripts/fleet.sh up <count>`: idempotent, so it is run every time (it returns at once when all are up). */
export async function fleetUp(count: number): Promise<void> {
  await promisify(execFile)('bash', [`${ROOT}scripts/fleet.sh`, 'up', String(count)], { cwd: ROOT });
}

interface Reply {
  status: number;
  body: string;
}

const filterQuery = (filters: Record<string, string[]>) => encodeURIComponent(JSON.stringify(filters));

/**
 * Sends `req` and resolves with its response. The error listener stays: an engine restarted by
 * another client's test (they restart fleet engines) resets the connection, and an `error` on a
 * request without a listener would kill the bench before it removes its objects.
 */
function responseOf(req: http.ClientRequest, payload?: Buffer): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    req.on('response', resolve);
    req.on('error', reject);
    req.end(payload);
  });
}

/** Engine N of the fleet (1..8), by its socket; its id in the server's engines file is `fleet-N`. */
export class FleetEngine {
  readonly id: string;
  readonly socketPath: string;

  constructor(readonly n: number) {
    this.id = `fleet-${n}`;
    this.socketPath = `/run/bridgeboard-fleet/${n}/docker.sock`;
  }

  /** A subnet of this engine's own pool, 10.(240+N).0.0/16, above what the engine hands out itself (from .0 up). */
  subnet(third: number): string {
    return `10.${240 + this.n}.${third}.0/24`;
  }

  async request(method: string, path: string, body?: unknown): Promise<Reply> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: http.OutgoingHttpHeaders = { host: 'docker' };
    if (payload) Object.assign(headers, { 'content-type': 'application/json', 'content-length': payload.length });
    const res = await responseOf(http.request({ socketPath: this.socketPath, method, path, headers }), payload);
    let text = '';
    for await (const chunk of res) text += (chunk as Buffer).toString();
    return { status: res.statusCode ?? 0, body: text };
  }

  /** Fails unless 2xx; the parsed answer. */
  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const reply = await this.request(method, path, body);
    if (reply.status < 200 || reply.status >= 300)
      throw new Error(`engine ${this.n}: ${method} ${path} → ${reply.status}: ${reply.body.trim()}`);
    return (reply.body ? JSON.parse(reply.body) : null) as T;
  }

  async createNetwork(name: string, subnet: string): Promise<string> {
    const body = { Name: name, Driver: 'bridge', IPAM: { Driver: 'default', Config: [{ Subnet: subnet }] } };
    return (await this.json<{ Id: string }>('POST', '/networks/create', body)).Id;
  }

  /** `docker create --name <name> --network <network> <IMAGE> sleep …`; returns the id. */
  async createContainer(name: string, network: string): Promise<string> {
    const made = await this.json<{ Id: string }>('POST', `/containers/create?name=${encodeURIComponent(name)}`, {
      Image: IMAGE,
      Cmd: ['sleep', '1000000000'],
      HostConfig: { NetworkMode: network },
      NetworkingConfig: { EndpointsConfig: { [network]: {} } },
    });
    return made.Id;
  }

  async start(id: string): Promise<void> {
    await this.json('POST', `/containers/${id}/start`);
  }

  /** POST /networks/{id}/connect or …/disconnect of a container, as the CLI sends it. */
  async connectOrDisconnect(action: 'connect' | 'disconnect', network: string, container: string): Promise<void> {
    await this.json('POST', `/networks/${network}/${action}`, { Container: container });
  }

  /** Containers on this engine: all, and those named PREFIX…. */
  async count(): Promise<{ all: number; ours: number }> {
    const list = await this.json<{ Names?: string[] }[]>('GET', '/containers/json?all=1');
    return { all: list.length, ours: list.filter((c) => (c.Names ?? []).some((n) => n.startsWith(`/${PREFIX}`))).length };
  }

  /** Removes every container, then every network, named PREFIX…; how many of each. */
  async cleanup(): Promise<{ containers: number; networks: number }> {
    const [containers, networks] = await Promise.all([
      this.json<{ Id: string; Names?: string[] }[]>('GET', `/containers/json?all=1&filters=${filterQuery({ name: [PREFIX] })}`),
      this.json<{ Id: string; Name: string }[]>('GET', `/networks?filters=${filterQuery({ name: [PREFIX] })}`),
    ]);
    // The engine's name filter matches anywhere in the name; keep only what starts with the prefix.
    const mine = containers.filter((c) => (c.Names ?? []).some((n) => n.replace(/^\//, '').startsWith(PREFIX)));
    const nets = networks.filter((n) => n.Name.startsWith(PREFIX));
    await parallel(mine, 8, async (c) => {
      const reply = await this.request('DELETE', `/containers/${c.Id}?force=1&v=1`);
      // 404: gone already; 409: another removal of it is under way.
      if (![204, 404, 409].includes(reply.status))
        throw new Error(`engine ${this.n}: remove container ${c.Id}: ${reply.status} ${reply.body}`);
    });
    await parallel(nets, 8, async (n) => {
      const reply = await this.request('DELETE', `/networks/${n.Id}`);
      if (![204, 404].includes(reply.status)) throw new Error(`engine ${this.n}: remove network ${n.Name}: ${reply.status} ${reply.body}`);
    });
    return { containers: mine.length, networks: nets.length };
  }
}

// ---------------------------------------------------------------------------------------------
// Arrivals: the bench waits for an engine event or a patch that was asked for before it came
// ---------------------------------------------------------------------------------------------

interface Waiter<T> {
  test: (value: T) => boolean;
  resolve: (value: T | null) => void;
}

/** Hands each arriving item to the first waiter that wants it. */
export class Arrivals<T> {
  #waiters: Waiter<T>[] = [];

  arrive(value: T): void {
    const i = this.#waiters.findIndex((w) => w.test(value));
    if (i >= 0) this.#waiters.splice(i, 1)[0]?.resolve(value);
  }

  /** The first item that passes `test`, or null after `timeoutMs`. */
  next(test: (value: T) => boolean, timeoutMs: number): Promise<T | null> {
    return new Promise((resolve) => {
      const waiter: Waiter<T> = {
        test,
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
      };
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((w) => w !== waiter);
        resolve(null);
      }, timeoutMs);
      this.#waiters.push(waiter);
    });
  }
}

export interface EngineEvent {
  Type?: string;
  Action?: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
  timeNano?: number;
}

/** One line of an engine's /events, with the engine's own time of it and when it reached the bench (both epoch ms). */
export interface SeenEvent {
  event: EngineEvent;
  engineAt: number;
  at: number;
}

/**
 * GET /events for containers and networks (what the app follows) on one engine. Every line is
 * kept (`seen`) and offered to the waiters. `timeNano` is the engine's clock, which on this machine
 * is the bench's clock too: the same kernel.
 */
export class EventFeed extends Arrivals<SeenEvent> {
  readonly seen: SeenEvent[] = [];
  /** Set when the stream ended before close(): the engine went away (restarted) meanwhile. */
  ended = false;
  #close: () => void = () => undefined;

  static async open(engine: FleetEngine): Promise<EventFeed> {
    const feed = new EventFeed();
    const path = `/events?filters=${filterQuery({ type: ['container', 'network'] })}`;
    const req = http.request({ socketPath: engine.socketPath, path, headers: { host: 'docker' } });
    const res = await responseOf(req);
    if (res.statusCode !== 200) throw new Error(`engine ${engine.n}: GET /events → ${String(res.statusCode)}`);
    let closing = false;
    res.on('close', () => (feed.ended ||= !closing));
    const lines = createInterface({ input: res, crlfDelay: Infinity });
    lines.on('line', (line) => {
      if (!line.trim()) return;
      const event = JSON.parse(line) as EngineEvent;
      const seen = { event, engineAt: (event.timeNano ?? Number.NaN) / 1e6, at: epochNow() };
      feed.seen.push(seen);
      feed.arrive(seen);
    });
    res.on('error', () => lines.close());
    feed.#close = () => {
      closing = true;
      lines.close();
      res.destroy();
    };
    return feed;
  }

  close(): void {
    this.#close();
  }
}
