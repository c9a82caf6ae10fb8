import { describe, expect, it } from 'vitest';
import { fromEngine, putContainer, removeContainer, type EngineContainer, type EngineNetwork, type Topology } from '@bridgeboard/topology';
import fixture from '@bridgeboard/topology/fixtures/engine-1.41.json';
import { chipPosition, homeNetwork, layoutBoard } from './layout';

const fx = fixture as unknown as { networksList: EngineNetwork[]; containersInspect: EngineContainer[] };
const base = fromEngine(fx.networksList, fx.containersInspect);
const byName = (t: Topology, name: string) => {
  const c = Object.values(t.containers).find((x) => x.name === name);
  if (!c) throw new Error(`no ${name}`);
  return c;
};
const netId = (t: Topology, name: string) => Object.values(t.networks).find((n) => n.name === name)?.id;

describe('layoutBoard', () => {
  it('puts the default bridge first and host and none last', () => {
    const layout = layoutBoard(base);
    const order = Object.entries(layout.columns)
      .sort(([, a], [, b]) => a - b)
      .map(([id]) => base.networks[id]?.name);
    expect(order[0]).toBe('bridge');
    expect(order.slice(-2)).toEqual(['host', 'none']);
  });

  it('hangs containers under the network they were made on, and container: ones with their partner', () => {
    expect(homeNetwork(base, byName(base, 'web'))).toBe(netId(base, 'appnet'));
    expect(homeNetwork(base, byName(base, 'legacy-web'))).toBe(netId(base, 'bridge'));
    expect(homeNetwork(base, byName(base, 'host-mode'))).toBe(netId(base, 'host'));
    expect(homeNetwork(base, byName(base, 'isolated'))).toBe(netId(base, 'none'));
    expect(homeNetwork(base, byName(base, 'web-sidecar'))).toBe(netId(base, 'appnet'));
  });

  it('keeps every placed thing where it was when a container joins, leaves, or a network appears', () => {
    const first = layoutBoard(base);
    const newcomer = structuredClone(fx.containersInspect.find((c) => c.Name === '/db')) as EngineContainer;
    newcomer.Id = 'f'.repeat(64);
    newcomer.Name = '/aaa-first-by-name';
    const grown = putContainer(base, newcomer);
    const second = layoutBoard(grown, first);
    for (const [id, slot] of Object.entries(first.slots)) expect(second.slots[id]).toEqual(slot);
    expect(second.columns).toEqual(first.columns);
    expect(second.slots[newcomer.Id]?.network).toBe(netId(base, 'appnet'));

    const shrunk = removeContainer(grown, byName(base, 'db').id);
    const third = layoutBoard(shrunk, second);
    expect(third.slots[newcomer.Id]).toEqual(second.slots[newcomer.Id]);
    // The freed slot is reused by the next newcomer rather than shifting anyone.
    const again = layoutBoard(putContainer(shrunk, { ...newcomer, Id: 'e'.repeat(64), Name: '/zzz' }), third);
    expect(again.slots['e'.repeat(64)]?.index).toBe(second.slots[byName(base, 'db').id]?.index);
  });

  it('gives distinct positions to distinct slots', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const p = chipPosition(3, i);
      seen.add(`${p.x},${p.y}`);
    }
    expect(seen.size).toBe(20);
  });
});
