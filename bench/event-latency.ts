/**
 * (b) How long a change on the engine takes to reach a board: one running container is connected
 * to and disconnected from a bench network, alternately, by POST /networks/{id}/(dis)connect
 * straight over the engine socket (no CLI start-up in the numbers). For each operation, from the
 * moment the call is issued:
 *   - the engine's answer to the call,
 *   - the connect/disconnect line on our own GET /events subscription (the floor: the engine's own latency),
 *   - the first socket.io `patch` from the app that puts (connect) or deletes (disconnect) that endpoint.
 * Two passes of the same operations: back to back (the next call as soon as the patch is in) and
 * spaced (a pause after each), because the engine's trailing events of one operation can still be
 * in the app's queue when the next one starts.
 */
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { DEFAULT_ENGINE_ID, type ClientToServerEvents, type ServerToClientEvents, type Snapshot } from '@bridgeboard/contract';
import type { Patch } from '@bridgeboard/topology';
import { createNetwork, engineJson, engineStream, IMAGE } from './engine-api.js';
import { benchToken, PREFIX, type App, cli, listen, progress, startApp } from './snapshot.js';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface PassOptions {
  label: string;
  /** Pause after each operation's patch before issuing the next (0: back to back). */
  pauseMs: number;
}

export interface LatencyPass extends PassOptions {
  /** Per operation, ms from issue; NaN where nothing arrived within the timeout. */
  call: number[];
  event: number[];
  patch: number[];
  actions: ('connect' | 'disconnect')[];
  /** Per operation, whether other clients made the engine emit events from 1 s before issuing until the patch. */
  disturbed: boolean[];
  /** Per operation, inspects of the bench container the app made (1 is enough; more are re-reads). */
  inspects: number[];
  /** Lines on our /events subscription per operation, by action (the engine may send more than one). */
  linesPerOp: { connect: number; disconnect: number };
}

export interface LatencyResult {
  ops: number;
  timeoutMs: number;
  passes: LatencyPass[];
  /** Patches whose endpoint put had no endpoint id (the container is running: it should have one). */
  emptyEndpointIds: number;
}

interface Waiter<T> {
  test: (value: T) => boolean;
  resolve: (at: number) => void;
}

/** Hands each arriving item, stamped with its arrival time, to the first waiter that wants it. */
class Arrivals<T> {
  #waiters: Waiter<T>[] = [];

  arrive(value: T): void {
    const at = performance.now();
    const i = this.#waiters.findIndex((w) => w.test(value));
    if (i < 0) return;
    const [w] = this.#waiters.splice(i, 1);
    w?.resolve(at);
  }

  /** Resolves with the arrival time, or NaN after `timeoutMs`. */
  next(test: (value: T) => boolean, timeoutMs: number): Promise<number> {
    return new Promise((resolve) => {
      const waiter: Waiter<T> = {
        test,
        resolve: (at) => {
          clearTimeout(timer);
          resolve(at);
        },
      };
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((w) => w !== waiter);
        resolve(Number.NaN);
      }, timeoutMs);
      this.#waiters.push(waiter);
    });
  }
}

interface EngineEventLine {
  Type?: string;
  Action?: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
}

/** Counts the app's engine calls whose path names `id` (app.defaultEngine.client.calls folds ids away). */
function countCallsFor(app: App, id: string): () => number {
  let count = 0;
  const modem = app.defaultEngine.docker.modem as { dial: (options: { path?: string }, cb: unknown) => unknown };
  const dial = modem.dial.bind(modem);
  modem.dial = (options, cb) => {
    if (options.path?.includes(id)) count++;
    return dial(options, cb);
  };
  return () => count;
}

export async function runEventLatency(ops: number, passes: PassOptions[], timeoutMs = 5000): Promise<LatencyResult> {
  const networkId = await createNetwork(`${PREFIX}ev`);
  const containerId = await cli(['run', '-d', '--init', '--name', `${PREFIX}ev-c`, IMAGE, 'sleep', '1000000000']);
  const key = `${networkId}/${containerId}`;

  // Our own subscription first, to what the app subscribes to (containers and networks): our
  // operations' lines are timed, everything else is another client at work, noted per operation.
  const filters = encodeURIComponent(JSON.stringify({ type: ['container', 'network'] }));
  const stream = await engineStream(`/events?filters=${filters}`);
  const engineEvents = new Arrivals<EngineEventLine>();
  const foreign: number[] = [];
  const lineCount = { connect: 0, disconnect: 0 };
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  lines.on('line', (line) => {
    if (!line.trim()) return;
    const event = JSON.parse(line) as EngineEventLine;
    if (event.Actor?.ID === containerId || event.Actor?.Attributes?.container === containerId) {
      if (event.Type === 'network' && (event.Action === 'connect' || event.Action === 'disconnect')) lineCount[event.Action]++;
      engineEvents.arrive(event);
    } else {
      foreign.push(performance.now());
    }
  });
  stream.on('error', () => lines.close());

  const app = await startApp();
  const inspectsOfOurs = countCallsFor(app, containerId);
  let socket: ClientSocket | null = null;
  try {
    const url = await listen(app);
    // Signed in with an API token in the handshake's auth payload, as scripts do.
    socket = connectSocket(url, { transports: ['websocket'], reconnection: false, auth: { token: benchToken(app) } }) as ClientSocket;
    const patches = new Arrivals<Patch>();
    let emptyEndpointIds = 0;
    socket.on('patch', (patch) => {
      for (const op of patch.ops) {
        if (op.op === 'put' && op.kind === 'endpoints' && op.key === key && !op.value.endpointId) emptyEndpointIds++;
      }
      patches.arrive(patch);
    });
    const snapshot = await new Promise<Snapshot>((resolve, reject) => {
      socket?.once('snapshot', resolve);
      socket?.once('connect_error', reject);
      socket?.once('connect', () => socket?.emit('subscribe', [DEFAULT_ENGINE_ID], () => undefined));
    });
    if (!(containerId in snapshot.topology.containers)) throw new Error('the bench container is missing from the snapshot');

    const result: LatencyResult = { ops, timeoutMs, passes: [], emptyEndpointIds: 0 };
    for (const options of passes) {
      progress(`event latency, ${options.label}: ${ops} connect/disconnect operations on ${PREFIX}ev`);
      const pass: LatencyPass = {
        ...options,
        call: [],
        event: [],
        patch: [],
        actions: [],
        disturbed: [],
        inspects: [],
        linesPerOp: { connect: 0, disconnect: 0 },
      };
      lineCount.connect = 0;
      lineCount.disconnect = 0;
      for (let i = 0; i < ops; i++) {
        const action = i % 2 === 0 ? 'connect' : 'disconnect';
        const eventAt = engineEvents.next(
          (e) => e.Type === 'network' && e.Action === action && e.Actor?.ID === networkId && e.Actor.Attributes?.container === containerId,
          timeoutMs,
        );
        const patchAt = patches.next(
          (p) => p.ops.some((op) => op.kind === 'endpoints' && op.key === key && op.op === (action === 'connect' ? 'put' : 'del')),
          timeoutMs,
        );
        const inspectsBefore = inspectsOfOurs();
        const t0 = performance.now();
        await engineJson('POST', `/networks/${networkId}/${action}`, { Container: containerId });
        const calledAt = performance.now();
        const [e, p] = await Promise.all([eventAt, patchAt]);
        const end = performance.now();
        pass.disturbed.push(foreign.some((at) => at >= t0 - 1000 && at <= end));
        pass.inspects.push(inspectsOfOurs() - inspectsBefore);
        pass.actions.push(action);
        pass.call.push(calledAt - t0);
        pass.event.push(e - t0);
        pass.patch.push(p - t0);
        if (options.pauseMs > 0) await sleep(options.pauseMs);
      }
      await sleep(300); // trailing lines of the last operation
      const perAction = ops / 2;
      pass.linesPerOp = { connect: lineCount.connect / perAction, disconnect: lineCount.disconnect / perAction };
      result.passes.push(pass);
    }
    result.emptyEndpointIds = emptyEndpointIds;
    return result;
  } finally {
    socket?.disconnect();
    lines.close();
    stream.destroy();
    await app.close();
  }
}
