import { describe, expect, it } from 'vitest';
import type { Container, Topology } from '@bridgeboard/topology';
import { containerNamed, managerTopology, networkNamed, workerTopology } from '../swarm/swarm-fixture';
import { acrossRows, acrossSources, selfHostname } from './across-rows';

const t = managerTopology();
const row = (rows: ReturnType<typeof acrossRows>, to: string) => rows.find((r) => r.pair.to.startsWith(to));
const withContainer = (topology: Topology, name: string, over: Partial<Container>): Topology => {
  const c = containerNamed(topology, name);
  if (!c) throw new Error(`no ${name} in the fixture`);
  return { ...topology, containers: { ...topology.containers, [c.id]: { ...c, ...over } } };
};

describe('across nodes, from the recorded two-node swarm', () => {
  it('gives each pair its overlay, its kind and the node it runs on, by hostname', () => {
    const rows = acrossRows(t, 'fx-a');
    expect(rows.map((r) => [r.pair.to.replace(/\.[a-z0-9]{25}$/, ''), r.kind, r.overlay, r.nodes, r.pair.reason])).toEqual([
      ['fx-b', 'container', 'fx-ov', ['bb-node-2'], 'overlay'],
      ['fx-web.2', 'task', 'fx-ov', ['bb-node-2'], 'overlay'],
      // A vip service answers on every node; its tasks run on both.
      ['fx-web', 'service', 'fx-ov', ['bb-node-1', 'bb-node-2'], 'service-vip'],
    ]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
    expect(selfHostname(t)).toBe('bb-node-1');
  });

  it('keeps the overlay and the node of each target when from is stopped (the core then names no network)', () => {
    const rows = acrossRows(withContainer(t, 'fx-a', { state: 'exited' }), 'fx-a');
    expect(rows.map((r) => [r.kind, r.overlay, r.nodes, r.pair.reason, r.pair.byName, r.pair.byIp])).toEqual([
      ['container', 'fx-ov', ['bb-node-2'], 'stopped', false, false],
      ['task', 'fx-ov', ['bb-node-2'], 'stopped', false, false],
      ['service', 'fx-ov', ['bb-node-1', 'bb-node-2'], 'stopped', false, false],
    ]);
  });

  it('names a node by its address where the engine does not know it (a worker knows only itself)', () => {
    const w = workerTopology();
    expect(row(acrossRows(w, 'fx-b'), 'fx-a')).toMatchObject({ kind: 'container', overlay: 'fx-ov', nodes: ['10.250.0.2'] });
  });

  it('says nothing for a container on no overlay, or one the topology does not hold', () => {
    const plain = Object.values(t.containers).find((c) => !c.name.startsWith('fx-'));
    expect(plain && acrossRows(t, plain.name)).toEqual([]);
    expect(acrossRows(t, 'no-such-container')).toEqual([]);
  });

  it('offers as sources the containers on an overlay that reaches another node, by name', () => {
    expect(acrossSources(t).map((n) => n.replace(/\.[a-z0-9]{25}$/, ''))).toEqual(['fx-a', 'fx-web.1']);
    expect(acrossSources(workerTopology()).map((n) => n.replace(/\.[a-z0-9]{25}$/, ''))).toEqual(['fx-b', 'fx-web.2']);
  });

  it('offers no source when the overlay has nothing on another node', () => {
    const alone: Topology = { ...t, members: {}, services: {} };
    expect(networkNamed(alone, 'fx-ov')).toBeDefined();
    expect(acrossSources(alone)).toEqual([]);
  });
});
