/**
 * The socket fan-out's clients (bench/web-fanout.ts), on a worker thread of their own: 100
 * socket.io clients reading every patch would otherwise share the bench's event loop with the
 * engine calls and the /events reader, and their work would show up in the numbers.
 * `start` connects and subscribes them all; `collect` answers with every arrival of a patch op on
 * the endpoints asked for, then disconnects them.
 */
import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import { io, type Socket } from 'socket.io-client';

export type FanoutRequest = { type: 'start'; url: string; cookie: string; clients: number; keys: string[] } | { type: 'collect' };

/** [client, endpoint key, 'put' | 'del', arrival epoch ms]. */
export type Arrival = [number, string, string, number];

export type FanoutReply = { type: 'ready'; ms: number } | { type: 'arrivals'; arrivals: Arrival[] } | { type: 'error'; error: string };

interface PatchMessage {
  engine: string;
  ops: { op: string; kind: string; key: string }[];
}

const port = parentPort;
if (!port) throw new Error('web-fanout-clients.ts runs as a worker thread');
const epochNow = () => performance.timeOrigin + performance.now();
const sockets: Socket[] = [];
const arrivals: Arrival[] = [];

/** One client: the session cookie in the handshake (as a browser sends it), subscribed to the local engine, its snapshot in. */
function connect(n: number, url: string, cookie: string, keys: Set<string>): Promise<void> {
  const socket = io(url, { transports: ['websocket'], reconnection: false, extraHeaders: { cookie } });
  sockets.push(socket);
  socket.on('patch', (patch: PatchMessage) => {
    const at = epochNow();
    for (const o of patch.ops) if (o.kind === 'endpoints' && keys.has(o.key)) arrivals.push([n, o.key, o.op, at]);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`client ${n}: no snapshot within 60 s`)), 60_000);
    socket.once('connect_error', reject);
    socket.once('snapshot', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('connect', () => socket.emit('subscribe', ['local'], () => undefined));
  });
}

async function start(req: Extract<FanoutRequest, { type: 'start' }>): Promise<number> {
  const t0 = performance.now();
  const keys = new Set(req.keys);
  // Ten at a time: a hundred snapshots of a large engine asked at once would be a burst of its own.
  for (let i = 0; i < req.clients; i += 10) {
    await Promise.all(Array.from({ length: Math.min(10, req.clients - i) }, (_, k) => connect(i + k, req.url, req.cookie, keys)));
  }
  return performance.now() - t0;
}

port.on('message', (req: FanoutRequest) => {
  if (req.type === 'start') {
    start(req).then(
      (ms) => port.postMessage({ type: 'ready', ms } satisfies FanoutReply),
      (err: unknown) => port.postMessage({ type: 'error', error: String(err) } satisfies FanoutReply),
    );
  } else {
    port.postMessage({ type: 'arrivals', arrivals } satisfies FanoutReply);
    for (const s of sockets) s.disconnect();
  }
});
