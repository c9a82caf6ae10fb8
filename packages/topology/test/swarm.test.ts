import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  apply,
  diff,
  fromEngine,
  overlaySpan,
  putContainer,
  putGatewayEndpoints,
  putMembers,
  putService,
  removeNetwork,
  selfNode,
  nodeAt,
  swarmRole,
  type EngineNetwork,
  type SwarmLists,
  type Topology,
} from '../src/index.js';
import type { EngineFixture } from './fixtures.js';

/** Recorded by fixtures/record-swarm.sh from a real two-node swarm (engine 20.10). */
interface SwarmFixture extends Omit<SwarmLists, 'overlays'> {
  manager: Omit<EngineFixture, 'apiVersion'>;
  worker: Omit<EngineFixture, 'apiVersion'>;
  verbose: SwarmLists['overlays'];
}
const fx = JSON.parse(readFileSync(new URL('./fixtures/swarm-20.10.json', import.meta.url), 'utf8')) as SwarmFixture;
const lists: SwarmLists = { selfId: fx.selfId, nodes: fx.nodes, services: fx.services, tasks: fx.tasks, overlays: fx.verbose };
const manager = fromEngine(fx.manager.networksList, fx.manager.containersInspect, 1, lists);
const overlay = fx.verbose[0] as EngineNetwork;

/** A node's own `docker network inspect` of the overlay, without the load balancer's sandbox. */
const localView = (f: SwarmFixture['manager']) =>
  Object.entries(f.networksInspect[0]?.Containers ?? {})
    .filter(([key]) => !key.startsWith('lb-'))
    .map(([, c]) => ({ endpointId: c.EndpointID, ipv4: c.IPv4Address.split('/')[0] }));

describe('a swarm manager topology', () => {
  it('holds the nodes, the service with its VIP, and each task with its node and address', () => {
    expect(
      Object.values(manager.nodes)
        .map((n) => [n.hostname, n.role, n.self])
        .sort(),
    ).toEqual([
      ['bb-node-1', 'manager', true],
      ['bb-node-2', 'worker', false],
    ]);
    expect(selfNode(manager)?.leader).toBe(true);
    const [service] = Object.values(manager.services);
    expect(service).toMatchObject({ name: 'fx-web', mode: 'replicated', replicas: 2, endpointMode: 'vip' });
    expect(service?.vips.map((v) => v.networkId)).toEqual([overlay.Id]);
    expect(service?.vips[0]?.addr).toMatch(/^10\.253\.60\.\d+\/24$/);
    const tasks = Object.values(manager.tasks);
    expect(tasks.map((t) => t.slot).sort()).toEqual([1, 2]);
    expect(new Set(tasks.map((t) => manager.nodes[t.nodeId]?.hostname))).toEqual(new Set(['bb-node-1', 'bb-node-2']));
    for (const t of tasks) expect(t.addresses.find((a) => a.networkId === overlay.Id)?.addr).toMatch(/^10\.253\.60\.\d+\/24$/);
  });

  it('stitches the overlay: its span equals the union of both nodes’ own views, each endpoint once', () => {
    const span = overlaySpan(manager, overlay.Id);
    const stitched = [
      ...span.local.map((e) => ({ endpointId: e.endpointId, ipv4: e.ipv4 })),
      ...span.remote.map((m) => ({ endpointId: m.endpointId, ipv4: m.ipv4 })),
    ];
    const union = [...localView(fx.manager), ...localView(fx.worker)];
    const byId = (a: { endpointId: string }, b: { endpointId: string }) => a.endpointId.localeCompare(b.endpointId);
    expect(stitched.sort(byId)).toEqual(union.sort(byId));
    expect(span.local.length).toBe(localView(fx.manager).length);
    // Every remote member runs on the worker, and is named for what it is.
    const worker = Object.values(manager.nodes).find((n) => !n.self);
    expect(span.remote.every((m) => nodeAt(manager, m.nodeAddr)?.id === worker?.id)).toBe(true);
    expect(span.remote.map((m) => m.service ?? m.name).sort()).toEqual(['fx-b', 'fx-web']);
    expect(span.nodeAddrs).toHaveLength(2);
  });

  it("a manager with nothing of its own on an overlay gets no verbose list: its tasks' addresses stand in", () => {
    const blind = fromEngine(fx.manager.networksList, fx.manager.containersInspect, 1, {
      ...lists,
      overlays: fx.verbose.map((n) => ({ ...n, Services: null })),
    });
    const span = overlaySpan(blind, overlay.Id);
    const worker = Object.values(blind.nodes).find((n) => !n.self);
    // The worker's task, at the address the task list gives it; the manager's own task is a local container.
    expect(span.remote.map((m) => [m.service, m.nodeAddr])).toEqual([['fx-web', worker?.addr]]);
    const task = Object.values(blind.tasks).find((t) => t.nodeId === worker?.id);
    expect(span.remote[0]?.ipv4).toBe(task?.addresses.find((a) => a.networkId === overlay.Id)?.addr.split('/')[0]);
    expect(span.nodeAddrs).toHaveLength(2);
  });

  it('names the swarm’s own networks for what they are', () => {
    const role = (name: string) => swarmRole(Object.values(manager.networks).find((n) => n.name === name) as Topology['networks'][string]);
    expect(role('ingress')).toBe('ingress');
    expect(role('docker_gwbridge')).toBe('gateway');
    expect(role('fx-ov')).toBe('overlay');
    expect(role('bridge')).toBeNull();
  });
});

describe('targeted swarm updates', () => {
  it('a removed service takes its tasks with it, and the patch says only that', () => {
    const [service] = fx.services;
    const next = { ...putService(manager, service?.ID ?? '', null, []), rev: 2 };
    expect(next.services).toEqual({});
    expect(next.tasks).toEqual({});
    const patch = diff(manager, next);
    expect(patch.ops.map((o) => `${o.op} ${o.kind}`).sort()).toEqual(['del services', 'del tasks', 'del tasks']);
    expect(apply(manager, patch)).toEqual(next);
  });

  it('members of one overlay are replaced by its next verbose read; the network’s removal drops them', () => {
    const fewer = { ...overlay, Services: { '': (overlay as SwarmLists['overlays'][number]).Services?.[''] ?? {} } };
    const next = putMembers(manager, overlay.Id, fewer);
    expect(Object.values(next.members).every((m) => m.service === null)).toBe(true);
    expect(Object.keys(next.members)).toHaveLength(2);
    expect(removeNetwork(manager, overlay.Id).members).toEqual({});
  });

  it("docker_gwbridge's endpoints come from its own inspect and outlive a re-read of the container", () => {
    const gw = Object.values(manager.networks).find((n) => n.name === 'docker_gwbridge');
    const [a] = fx.manager.containersInspect.filter((c) => c.Name === '/fx-a');
    if (!gw || !a) throw new Error('fixture lacks docker_gwbridge or fx-a');
    const raw = {
      ...(fx.manager.networksList.find((n) => n.Id === gw.id) as EngineNetwork),
      Containers: {
        [a.Id]: {
          Name: 'gateway_0123456789ab',
          EndpointID: 'e1',
          MacAddress: '02:42:0a:fc:01:03',
          IPv4Address: '10.252.1.3/24',
          IPv6Address: '',
        },
        'ingress-sbox': { Name: 'gateway_ingress-sbox', EndpointID: 'e2', IPv4Address: '10.252.1.2/24' },
      },
    };
    const withGateway = putGatewayEndpoints(manager, raw);
    const onGateway = Object.values(withGateway.endpoints).filter((e) => e.networkId === gw.id);
    expect(onGateway.map((e) => [e.containerId, e.ipv4, e.ipv4PrefixLen])).toEqual([[a.Id, '10.252.1.3', 24]]);
    // The container's own inspect does not list it; its next event must not drop it.
    expect(Object.values(putContainer(withGateway, a).endpoints).filter((e) => e.networkId === gw.id)).toHaveLength(1);
    expect(putGatewayEndpoints(withGateway, { ...raw, Containers: {} }).endpoints).toEqual(manager.endpoints);
  });
});
