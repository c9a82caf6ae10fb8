import { describe, expect, it } from 'vitest';
import { fleetView, type FleetView } from './fleet-view';
import { engines, summary, topologies } from './fleet-fixture';

const overlay = (v: FleetView, name: string) => v.overlays.find((o) => o.name === name);
const nodes = (v: FleetView, name: string) => overlay(v, name)?.nodes.map((n) => [n.name, n.engine, n.endpoints]);

describe('the fleet view', () => {
  const t = topologies();
  const whole = fleetView({ engines: [engines.node1, engines.local, engines.node2], topologies: t });

  it('draws a group per engine, a swarm’s engines side by side (its manager first), with role and counts', () => {
    expect(whole.groups.map((g) => [g.id, g.role, g.reachable])).toEqual([
      ['node1', 'manager', true],
      ['node2', 'worker', true],
      ['local', null, true],
    ]);
    // The recorded manager holds an exited task of an old service (websvc.1).
    expect(whole.groups[0]?.counts).toEqual({ networks: 4, overlays: 2, containers: 3, running: 2 });
  });

  it('lists each engine’s own networks with their containers, and no swarm overlay among them', () => {
    const node2 = whole.groups.find((g) => g.id === 'node2');
    expect(node2?.networks.map((n) => n.name)).toEqual(['bridge', 'docker_gwbridge', 'host', 'none']);
    const local = whole.groups.find((g) => g.id === 'local');
    expect(local?.networks.find((n) => n.name === 'appnet')).toMatchObject({ driver: 'bridge', containers: 2 });
  });

  it('draws the overlay once, across both nodes’ groups, with the endpoints on each node', () => {
    expect(whole.overlays.filter((o) => o.name === 'fx-ov')).toHaveLength(1);
    expect(overlay(whole, 'fx-ov')).toMatchObject({ span: { from: 0, to: 1 }, shownOn: 'node1', ingress: false });
    expect(overlay(whole, 'ingress')).toMatchObject({ ingress: true });
    // fx-a and fx-web.1 on the manager, fx-b and fx-web.2 on the worker; the lb- sandboxes are the engine's own.
    expect(nodes(whole, 'fx-ov')).toEqual([
      ['bb-node-1', 'node1', 2],
      ['bb-node-2', 'node2', 2],
    ]);
  });

  it('names a node that is no engine here by its hostname, and spans only the groups that are', () => {
    const v = fleetView({ engines: [engines.local, engines.node1], topologies: { node1: t.node1, local: t.local } });
    expect(nodes(v, 'fx-ov')).toEqual([
      ['bb-node-1', 'node1', 2],
      ['bb-node-2', null, 2],
    ]);
    expect(overlay(v, 'fx-ov')?.span).toEqual({ from: 1, to: 1 });
  });

  it('without a manager registered, reads the overlay off the workers that list it (other nodes by address)', () => {
    const v = fleetView({ engines: [engines.node2], topologies: { node2: t.node2 } });
    expect(nodes(v, 'fx-ov')).toEqual([
      ['bb-node-2', 'node2', 2],
      ['10.250.0.2', null, 2],
    ]);
    expect(overlay(v, 'fx-ov')?.span).toEqual({ from: 0, to: 0 });
  });

  it('counts an endpoint once when the manager and the worker both list it', () => {
    const onlyManager = fleetView({ engines: [engines.node1], topologies: { node1: t.node1 } });
    expect(nodes(whole, 'fx-ov')?.map((n) => n[2])).toEqual(nodes(onlyManager, 'fx-ov')?.map((n) => n[2]));
  });

  it('keeps a group whose topology is not known yet (or an engine that is down), without counts', () => {
    const down = summary('node2', engines.node2.swarm, false);
    const v = fleetView({ engines: [engines.node1, down], topologies: { node1: t.node1 } });
    expect(v.groups.find((g) => g.id === 'node2')).toMatchObject({ reachable: false, role: 'worker', counts: null, networks: [] });
    // The manager still says the overlay reaches it: the bar crosses the down engine's group.
    expect(overlay(v, 'fx-ov')?.span).toEqual({ from: 0, to: 1 });
  });

  it('has no overlays on engines outside a swarm', () => {
    expect(fleetView({ engines: [engines.local], topologies: { local: t.local } }).overlays).toEqual([]);
  });
});
