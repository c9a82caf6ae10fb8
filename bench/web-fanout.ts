/**
 * Socket fan-out (issue 13: "100 signed-in sockets receive a patch within p95 ≤ 50 ms of the
 * engine event at 2,000 containers"): CLIENTS socket.io clients on a worker thread
 * (web-fanout-clients.ts), each subscribed to the local engine, while the latency containers are
 * connected and disconnected; every client's patch is timed from the engine's `timeNano`.
 */
import { Worker } from 'node:worker_threads';
import { engineRequest } from './engine-api.js';
import { epochNow, progress, type Server } from './web-engine.js';
import { followNetwork } from './web-events.js';
import type { Arrival, FanoutReply, FanoutRequest } from './web-fanout-clients.js';
import type { LatencySetup, Named } from './web-latency.js';
import { sleep } from './web-page.js';
import { spread } from './stats.js';

export interface FanoutResult {
  clients: number;
  ops: number;
  /** Seconds to connect and subscribe every client (their snapshots included). */
  connectSeconds: number;
  /** Every client's patch, ms from the engine event. */
  all: { p50: number; p95: number; max: number };
  /** Per operation, the last client's patch. */
  slowest: { p50: number; p95: number; max: number };
  /** The engine's line reaching the bench, ms from the event: the floor. */
  line: { p50: number; p95: number; max: number };
  missed: number;
  rssMiB: number;
}

function ask(worker: Worker, req: FanoutRequest): Promise<FanoutReply> {
  return new Promise((resolve, reject) => {
    worker.once('message', (reply: FanoutReply) => (reply.type === 'error' ? reject(new Error(reply.error)) : resolve(reply)));
    worker.once('error', reject);
    worker.postMessage(req);
  });
}

/** `connects` connects, each followed by its disconnect, `pauseMs` after each; `rss()` is read while all clients are connected. */
export async function fanout(
  server: Server,
  setup: LatencySetup,
  clients: number,
  connects: number,
  pauseMs: number,
  rss: () => number,
): Promise<FanoutResult> {
  // Runs under tsx, whose loader the worker inherits (execArgv), so it can be TypeScript too.
  const worker = new Worker(new URL('./web-fanout-clients.ts', import.meta.url));
  try {
    const keys = setup.containers.map((c) => `${setup.target.id}/${c.id}`);
    progress(`socket fan-out: connecting ${clients} clients …`);
    const ready = await ask(worker, { type: 'start', url: server.url, cookie: server.headers.cookie ?? '', clients, keys });
    const connectSeconds = ready.type === 'ready' ? ready.ms / 1000 : Number.NaN;
    const events = await followNetwork(setup.target.id);
    const ops: { action: 'connect' | 'disconnect'; key: string; container: string; sent: number }[] = [];
    try {
      for (let i = 0; i < connects; i++) {
        const c = setup.containers[i % setup.containers.length] as Named;
        for (const action of ['connect', 'disconnect'] as const) {
          const sent = epochNow();
          const reply = await engineRequest('POST', `/networks/${setup.target.id}/${action}`, { Container: c.id });
          if (reply.status !== 200) throw new Error(`${action} ${c.name}: ${reply.status} ${reply.body.toString()}`);
          ops.push({ action, key: `${setup.target.id}/${c.id}`, container: c.id, sent });
          await sleep(pauseMs);
        }
      }
      await sleep(1000);
    } finally {
      events.close();
    }
    const rssMiB = rss();
    const got = await ask(worker, { type: 'collect' });
    const arrivals: Arrival[] = got.type === 'arrivals' ? got.arrivals : [];
    const all: number[] = [];
    const slowest: number[] = [];
    const line: number[] = [];
    let missed = 0;
    for (const [i, op] of ops.entries()) {
      const event = events.find(op.action, op.container, op.sent);
      const next = ops[i + 1]?.sent ?? Number.POSITIVE_INFINITY;
      const want = op.action === 'connect' ? 'put' : 'del';
      // Each client's first patch for this operation: after the call went out, before the next one did.
      const first = new Map<number, number>();
      for (const [client, key, o, at] of arrivals) {
        if (key === op.key && o === want && at >= op.sent && at < next && !first.has(client)) first.set(client, at);
      }
      missed += clients - first.size;
      const t0 = event?.engineAt ?? Number.NaN;
      const times = [...first.values()].map((at) => at - t0);
      all.push(...times);
      slowest.push(times.length === clients ? Math.max(...times) : Number.NaN);
      line.push((event?.at ?? Number.NaN) - t0);
    }
    return { clients, ops: ops.length, connectSeconds, all: spread(all), slowest: spread(slowest), line: spread(line), missed, rssMiB };
  } finally {
    await worker.terminate();
  }
}
