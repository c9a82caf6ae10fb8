/**
 * The fleet bench's (bench/fleet.ts) measurements: connect/disconnect on engines 1–4, timed from the
 * engine's own event (`timeNano`) to the patch naming that engine at the client, and engine 5's
 * burst of container create/remove pairs with how far its own patches lagged behind its events.
 */
import { PREFIX, type EventFeed, type FleetEngine, type SeenEvent } from './fleet-engines.js';
import type { ArrivedPatch, FleetClient } from './fleet-server.js';
import { parallel } from './parallel.js';
import { epochNow } from './web-engine.js';

/** Past this, an event or a patch counts as missed. */
export const TIMEOUT_MS = 5_000;

/** What the bench made on one engine, and its /events. */
export interface EngineSide {
  engine: FleetEngine;
  feed: EventFeed;
  /** The network the engine's containers are on (`bbbench-fleet-net`). */
  network: string;
  containers: string[];
  /** Ids of our objects: anything else on its /events is another client at work. */
  ours: Set<string>;
}

/** One of engines 1–4: a running container connected to and disconnected from a network of its own. */
export interface Measured {
  side: EngineSide;
  network: string;
  container: string;
}

export interface OpSample {
  /** When the call was sent (epoch ms). */
  startedAt: number;
  /** The engine's timeNano of the event → the patch at the client; NaN on a miss. */
  toPatch: number;
  /** timeNano → the line on the bench's own /events: the engine's delivery, the floor. */
  toLine: number;
}

/** One connect or disconnect, timed from the engine's event to the client's patch. */
async function operate(client: FleetClient, m: Measured, action: 'connect' | 'disconnect'): Promise<OpSample> {
  const key = `${m.network}/${m.container}`;
  const event = m.side.feed.next(
    ({ event: e }) =>
      e.Type === 'network' && e.Action === action && e.Actor?.ID === m.network && e.Actor.Attributes?.container === m.container,
    TIMEOUT_MS,
  );
  const patch = client.next(
    (a) =>
      a.patch.engine === m.side.engine.id &&
      a.patch.ops.some((op) => op.kind === 'endpoints' && op.key === key && op.op === (action === 'connect' ? 'put' : 'del')),
    TIMEOUT_MS,
  );
  const startedAt = epochNow();
  await m.side.engine.connectOrDisconnect(action, m.network, m.container);
  const [e, p] = await Promise.all([event, patch]);
  return { startedAt, toPatch: e && p ? p.at - e.engineAt : Number.NaN, toLine: e ? e.at - e.engineAt : Number.NaN };
}

/**
 * Connect/disconnect pairs on every measured engine at once, each engine back to back, while
 * `more(pairsDone)` holds. Ends disconnected, as it started. Samples by engine id.
 */
export async function operateAll(
  client: FleetClient,
  measured: Measured[],
  more: (pairs: number) => boolean,
  signal: AbortSignal,
): Promise<Map<string, OpSample[]>> {
  const samples = new Map<string, OpSample[]>();
  // One engine's failure stops the others too, so that nothing is still at work when the bench cleans up.
  let failed = false;
  await Promise.all(
    measured.map(async (m) => {
      const mine: OpSample[] = [];
      samples.set(m.side.engine.id, mine);
      try {
        for (let pairs = 0; more(pairs) && !signal.aborted && !failed; pairs++) {
          mine.push(await operate(client, m, 'connect'));
          mine.push(await operate(client, m, 'disconnect'));
        }
      } catch (err) {
        failed = true;
        throw err;
      }
    }),
  );
  return samples;
}

/** Lines on the measured engines' /events between `from` and `to` (epoch ms) that are not about our objects. */
export function foreignEvents(measured: Measured[], from: number, to: number): number {
  const foreign = (side: EngineSide, s: SeenEvent) =>
    s.at >= from && s.at <= to && !side.ours.has(s.event.Actor?.ID ?? '') && !side.ours.has(s.event.Actor?.Attributes?.container ?? '');
  return measured.reduce((n, { side }) => n + side.feed.seen.filter((s) => foreign(side, s)).length, 0);
}

export interface Burst {
  startedAt: number;
  /** When the client's view of the engine held none of the burst's containers any more (epoch ms). */
  drainedAt: number;
  /** Per event of the burst: timeNano → the patch that put (create) or deleted (destroy) that container. */
  lags: number[];
  /** Per event of the burst: timeNano → its line on the bench's /events. */
  lines: number[];
  /** Containers created and removed before the server read them: no put and no del, by design. */
  unseen: number;
  /** The last burst patch after the last burst event (timeNano). */
  drainMs: number;
  /** Lines on the engine's /events during the burst, and of those the burst's own. */
  events: { all: number; ours: number };
}

export interface BurstOptions {
  pairs: number;
  parallel: number;
  signal: AbortSignal;
}

/**
 * `pairs` × (create, remove) of a container on `side`'s engine, `parallel` at once and as fast as
 * they go, each one event; then waits until the client's view of that engine has caught up.
 */
export async function burst(client: FleetClient, side: EngineSide, options: BurstOptions): Promise<Burst> {
  const { engine, feed } = side;
  const patches: ArrivedPatch[] = [];
  client.onPatch = (a) => {
    if (a.patch.engine === engine.id) patches.push(a);
  };
  const firstLine = feed.seen.length;
  const ids: string[] = [];
  const startedAt = epochNow();
  const indexes = Array.from({ length: options.pairs }, (_, i) => i);
  await parallel(
    indexes,
    options.parallel,
    async (i) => {
      const id = await engine.createContainer(`${PREFIX}burst-${i}`, side.network);
      ids.push(id);
      const reply = await engine.request('DELETE', `/containers/${id}?force=1`);
      if (reply.status !== 204) throw new Error(`engine ${engine.n}: remove ${id}: ${reply.status} ${reply.body}`);
    },
    options.signal,
  );
  const burstIds = new Set(ids);
  // Checked after every patch: kept incremental, so that the bench's own loop stays light while it times.
  const destroyed = new Set<string>();
  let read = firstLine;
  const allDestroyed = () => {
    for (; read < feed.seen.length; read++) {
      const id = feed.seen[read]?.event.Action === 'destroy' ? (feed.seen[read]?.event.Actor?.ID ?? '') : '';
      if (burstIds.has(id)) destroyed.add(id);
    }
    return destroyed.size === burstIds.size;
  };
  await client.until(
    () => allDestroyed() && !Object.keys(client.topologies.get(engine.id)?.containers ?? {}).some((id) => burstIds.has(id)),
    30_000,
    `engine ${engine.n}'s burst to reach the client`,
  );
  const drainedAt = epochNow();
  client.onPatch = null;

  const lines = feed.seen.slice(firstLine);
  const burstLines = lines.filter((s) => s.event.Type === 'container' && burstIds.has(s.event.Actor?.ID ?? ''));
  const firstPatch = (id: string, op: 'put' | 'del') =>
    patches.find((a) => a.patch.ops.some((o) => o.kind === 'containers' && o.key === id && o.op === op));
  const firstEvent = (id: string, action: string) => burstLines.find((s) => s.event.Action === action && s.event.Actor?.ID === id);
  const result: Burst = { startedAt, drainedAt, lags: [], lines: [], unseen: 0, drainMs: 0, events: { all: 0, ours: burstLines.length } };
  let lastPatchAt = 0;
  for (const id of ids) {
    const put = firstPatch(id, 'put');
    if (!put) result.unseen++;
    for (const [e, p] of [
      [firstEvent(id, 'create'), put],
      [firstEvent(id, 'destroy'), firstPatch(id, 'del')],
    ] as const) {
      if (e && p) result.lags.push(p.at - e.engineAt);
      if (e) result.lines.push(e.at - e.engineAt);
      if (p) lastPatchAt = Math.max(lastPatchAt, p.at);
    }
  }
  result.drainMs = lastPatchAt - Math.max(...burstLines.map((s) => s.engineAt));
  result.events.all = lines.filter((s) => s.at <= drainedAt).length;
  return result;
}
