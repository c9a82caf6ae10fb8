import { describe, expect, it } from 'vitest';
import {
  apply,
  endpointKey,
  fromEngine,
  type EngineContainer,
  type EngineNetwork,
  type Patch,
  type PatchOp,
  type Topology,
} from '@bridgeboard/topology';
import fixture from '@bridgeboard/topology/fixtures/engine-1.41.json';
import { managerTopology } from '../swarm/swarm-fixture';
import { AttachedTally, attachedCounts, type Attached } from './attached-counts';

const fx = fixture as unknown as { networksList: EngineNetwork[]; containersInspect: EngineContainer[] };
const base = fromEngine(fx.networksList, fx.containersInspect);

/** A seeded generator (mulberry32): the same sequence on every run, a failure can be replayed. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let r = Math.imul(s ^ (s >>> 15), 1 | s);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** A connect, a disconnect, a stop or start, a container removed with its links, or one renamed. */
function randomPatch(t: Topology, next: () => number): Patch {
  const pick = <T>(list: T[]): T | undefined => list[Math.floor(next() * list.length)];
  const c = pick(Object.values(t.containers));
  const n = pick(Object.values(t.networks));
  const e = pick(Object.values(t.endpoints));
  const ops: PatchOp[] = [];
  const roll = next();
  if (roll < 0.3 && c && n && e) {
    const key = endpointKey(n.id, c.id);
    ops.push({ op: 'put', kind: 'endpoints', key, value: { ...e, networkId: n.id, containerId: c.id } });
  } else if (roll < 0.55 && e) ops.push({ op: 'del', kind: 'endpoints', key: endpointKey(e.networkId, e.containerId) });
  else if (roll < 0.8 && c)
    ops.push({ op: 'put', kind: 'containers', key: c.id, value: { ...c, state: c.state === 'running' ? 'exited' : 'running' } });
  else if (roll < 0.9 && c) {
    ops.push({ op: 'del', kind: 'containers', key: c.id });
    for (const [key, x] of Object.entries(t.endpoints)) if (x.containerId === c.id) ops.push({ op: 'del', kind: 'endpoints', key });
  } else if (c) ops.push({ op: 'put', kind: 'containers', key: c.id, value: { ...c, name: `${c.name}-x` } });
  return { rev: t.rev + 1, ops };
}

const asRecord = (t: Topology, read: (networkId: string) => Attached) =>
  Object.fromEntries(Object.keys(t.networks).map((id) => [id, read(id)]));

describe('attached counts on each bridge', () => {
  it('counts this engine’s links by their container’s state', () => {
    const counts = attachedCounts(base);
    const bridge = Object.values(base.networks).find((n) => n.name === 'bridge')?.id ?? '';
    const onBridge = Object.values(base.endpoints).filter((e) => e.networkId === bridge);
    const running = onBridge.filter((e) => base.containers[e.containerId]?.state === 'running').length;
    expect(counts.get(bridge)).toEqual({ running, stopped: onBridge.length - running });
    expect(running).toBeGreaterThan(0);
  });

  it('counts other nodes’ overlay members as running', () => {
    const t = managerTopology();
    const overlay = Object.values(t.networks).find((n) => n.name === 'fx-ov')?.id ?? '';
    const local = Object.values(t.endpoints).filter((e) => e.networkId === overlay).length;
    // fx-b and fx-web.2 run on the worker (see member-elements.test.ts).
    expect(attachedCounts(t).get(overlay)?.running).toBe(local + 2);
  });

  it('kept up to date patch by patch, equals a count from scratch after every one of 400 random patches', () => {
    for (const seed of [1, 2, 3]) {
      const next = seeded(seed);
      const tally = new AttachedTally();
      let t = base;
      tally.update(t);
      for (let i = 0; i < 400; i++) {
        t = apply(t, randomPatch(t, next));
        tally.update(t);
        const scratch = attachedCounts(t);
        expect(
          asRecord(t, (id) => tally.of(id)),
          `seed ${seed}, patch ${i}`,
        ).toEqual(asRecord(t, (id) => scratch.get(id) ?? { running: 0, stopped: 0 }));
      }
    }
  });

  it('gives a bridge whose links did not change the same object', () => {
    const tally = new AttachedTally();
    tally.update(base);
    const before = Object.fromEntries(Object.keys(base.networks).map((id) => [id, tally.of(id)]));
    const c = Object.values(base.containers).find((x) => x.state === 'running' && x.name === 'db');
    if (!c) throw new Error('no db');
    tally.update(apply(base, { rev: base.rev + 1, ops: [{ op: 'put', kind: 'containers', key: c.id, value: { ...c, state: 'exited' } }] }));
    const touched = new Set(
      Object.values(base.endpoints)
        .filter((e) => e.containerId === c.id)
        .map((e) => e.networkId),
    );
    expect(touched.size).toBeGreaterThan(0);
    for (const [id, counts] of Object.entries(before)) {
      if (touched.has(id)) expect(tally.of(id)).toEqual({ running: counts.running - 1, stopped: counts.stopped + 1 });
      else expect(tally.of(id)).toBe(counts);
    }
  });
});
