import { describe, expect, it } from 'vitest';
import {
  apply,
  endpointKey,
  fromEngine,
  putContainer,
  putMembers,
  removeContainer,
  type EngineContainer,
  type EngineNetwork,
  type Topology,
} from '@bridgeboard/topology';
import fixture from '@bridgeboard/topology/fixtures/engine-1.41.json';
import { containerNamed, managerTopology, networkNamed, recorded } from '../swarm/swarm-fixture';
import { chipPosition } from './geometry';
import { emptyLayout, homeNetwork, layoutBoard, type BoardLayout } from './layout';

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
    const layout: BoardLayout = { ...emptyLayout, columns: { n: 3 } };
    for (let i = 0; i < 20; i++) {
      const p = chipPosition(layout, { network: 'n', index: i });
      seen.add(`${p.x},${p.y}`);
    }
    expect(seen.size).toBe(20);
  });
});

describe('layoutBoard with a swarm overlay', () => {
  const swarm = managerTopology();
  const overlay = networkNamed(swarm, 'fx-ov')?.id ?? '';
  const memberKey = (name: string) => {
    const m = Object.values(swarm.members).find((x) => x.name === name || x.name.startsWith(`${name}.`));
    return m ? endpointKey(m.networkId, m.endpointId) : '';
  };
  /** Every slot index taken under one network, by containers and members alike. */
  const indexesUnder = (layout: BoardLayout, network: string) =>
    [...Object.values(layout.slots), ...Object.values(layout.members)].filter((s) => s.network === network).map((s) => s.index);
  /** The verbose inspect of fx-ov as the manager would read it with one task more on the worker, and `without` gone. */
  const verbose = ({ task, without }: { task?: [name: string, endpoint: string]; without?: string }) => {
    const raw = structuredClone(recorded.verbose[0]);
    const tasks = raw?.Services?.['fx-web']?.Tasks ?? [];
    if (task) tasks.push({ Name: task[0], EndpointID: task[1], EndpointIP: '10.253.60.99', Info: { 'Host IP': '10.250.0.3' } });
    if (without)
      tasks.splice(
        tasks.findIndex((x) => x.Name.startsWith(`${without}.`)),
        1,
      );
    return raw ?? null;
  };

  it('hangs the members of other nodes under the overlay, and only those: this engine’s own are its containers', () => {
    const layout = layoutBoard(swarm);
    expect(Object.keys(layout.members).sort()).toEqual([memberKey('fx-b'), memberKey('fx-web.2')].sort());
    for (const slot of Object.values(layout.members)) expect(slot.network).toBe(overlay);
    expect(layout.slots[containerNamed(swarm, 'fx-a')?.id ?? '']?.network).toBe(overlay);
    // Containers and members share the column's slots: no two chips in one place.
    const taken = indexesUnder(layout, overlay);
    expect(new Set(taken).size).toBe(taken.length);
    expect(taken).toHaveLength(4);
  });

  it('keeps every slot when a member appears on another node, or a container joins the overlay here', () => {
    const first = layoutBoard(swarm);
    const grown = putMembers(swarm, overlay, verbose({ task: ['fx-web.3.aaaaaaaaaaaaaaaaaaaaaaaaa', 'a'.repeat(64)] }));
    const second = layoutBoard(grown, first);
    expect(second.slots).toEqual(first.slots);
    for (const [key, slot] of Object.entries(first.members)) expect(second.members[key]).toEqual(slot);
    expect(second.members[endpointKey(overlay, 'a'.repeat(64))]).toEqual({ network: overlay, index: 4 });

    const fxA = recorded.manager.containersInspect.find((c) => c.Name === '/fx-a') as EngineContainer;
    const joiner = { ...structuredClone(fxA), Id: '0'.repeat(64), Name: '/aaa-joins' };
    const link = joiner.NetworkSettings?.Networks?.['fx-ov'];
    if (link) link.EndpointID = 'c'.repeat(64);
    const joined = putContainer(grown, joiner);
    const third = layoutBoard(joined, second);
    for (const [key, slot] of Object.entries(second.members)) expect(third.members[key]).toEqual(slot);
    for (const [id, slot] of Object.entries(second.slots)) expect(third.slots[id]).toEqual(slot);
    expect(third.slots['0'.repeat(64)]).toEqual({ network: overlay, index: 5 });
  });

  it('frees a gone member’s slot for the next newcomer rather than shifting anyone', () => {
    const first = layoutBoard(swarm);
    const goneKey = memberKey('fx-web.2');
    const gone = first.members[goneKey];
    const shrunk = layoutBoard(putMembers(swarm, overlay, verbose({ without: 'fx-web.2' })), first);
    expect(shrunk.members[goneKey]).toBeUndefined();
    expect(shrunk.members[memberKey('fx-b')]).toEqual(first.members[memberKey('fx-b')]);
    const replaced = verbose({ without: 'fx-web.2', task: ['fx-web.4.bbbbbbbbbbbbbbbbbbbbbbbbb', 'b'.repeat(64)] });
    const again = layoutBoard(putMembers(swarm, overlay, replaced), shrunk);
    expect(again.members[endpointKey(overlay, 'b'.repeat(64))]).toEqual(gone);
  });

  it('draws nothing for an engine outside a swarm: no members, and the same slots as before', () => {
    const layout = layoutBoard(base);
    expect(layout.members).toEqual({});
  });
});

describe('layoutBoard from one patch to the next', () => {
  const db = byName(base, 'db');
  it('hands back the very same layout when a patch places and frees nothing', () => {
    const first = layoutBoard(base);
    const stopped = apply(base, {
      rev: base.rev + 1,
      ops: [{ op: 'put', kind: 'containers', key: db.id, value: { ...db, state: 'exited' } }],
    });
    expect(layoutBoard(stopped, first)).toBe(first);
    // A link to another network does not move db's home (its --network): still the same layout.
    const bridge = netId(base, 'bridge') ?? '';
    const link = Object.values(base.endpoints).find((e) => e.containerId === db.id);
    if (!link) throw new Error('db has no link');
    const connected = apply(stopped, {
      rev: stopped.rev + 1,
      ops: [{ op: 'put', kind: 'endpoints', key: endpointKey(bridge, db.id), value: { ...link, networkId: bridge } }],
    });
    expect(layoutBoard(connected, first)).toBe(first);
  });

  it('makes a new layout when a container comes, and equals a layout made from the same start in one go', () => {
    const first = layoutBoard(base);
    const gone = apply(base, { rev: base.rev + 1, ops: [{ op: 'del', kind: 'containers', key: db.id }] });
    const second = layoutBoard(gone, first);
    expect(second).not.toBe(first);
    expect(second.slots[db.id]).toBeUndefined();
    // Placed again from the layout before, by the walk of the whole topology (no memory of the tables):
    expect(second).toEqual(layoutBoard(gone, { ...first }));
  });
});
