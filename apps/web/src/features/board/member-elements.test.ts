import { describe, expect, it } from 'vitest';
import { fromEngine, putContainer, type EngineContainer, type EngineNetwork } from '@bridgeboard/topology';
import plain from '@bridgeboard/topology/fixtures/engine-1.41.json';
import { containerNamed, managerTopology, networkNamed, recorded, workerTopology } from '../swarm/swarm-fixture';
import { boardElements, type BoardNode, type ElementInputs } from './board-elements';
import { layoutBoard } from './layout';
import { swarmMarks } from './swarm-marks';

const elements = (over: Partial<ElementInputs> & Pick<ElementInputs, 'topology'>) =>
  boardElements({
    layout: layoutBoard(over.topology),
    pending: { connecting: new Set(), disconnecting: new Set() },
    matches: null,
    selectedId: null,
    reach: null,
    canConnect: true,
    onRemove: () => undefined,
    ...over,
  });
const members = (nodes: BoardNode[]) => nodes.flatMap((n) => (n.type === 'member' ? [n] : []));
const chip = (nodes: BoardNode[], name: string) => nodes.find((n) => n.type === 'container' && n.data.container.name === name);
const bar = (nodes: BoardNode[], name: string) => nodes.find((n) => n.type === 'bridge' && n.data.network.name === name);

describe('board elements of a swarm manager', () => {
  const t = managerTopology();
  const overlay = networkNamed(t, 'fx-ov')?.id ?? '';
  const { nodes, edges } = elements({ topology: t });

  it('draws each member on the worker once, named as docker service ps names it, with its address, service and node', () => {
    expect(members(nodes).map((m) => [m.data.name, m.data.member.ipv4, m.data.member.service, m.data.node])).toEqual(
      expect.arrayContaining([
        ['fx-b', '10.253.60.4', null, 'bb-node-2'],
        ['fx-web.2', '10.253.60.7', 'fx-web', 'bb-node-2'],
      ]),
    );
    expect(members(nodes)).toHaveLength(2);
  });

  it('makes members read-only even for a role that may connect: not draggable, their links never pulled or removed', () => {
    for (const m of members(nodes)) expect([m.draggable, m.connectable, m.deletable]).toEqual([false, false, false]);
    const links = edges.filter((e) => e.type === 'member');
    expect(links.map((e) => [e.source, e.target, e.reconnectable])).toEqual(members(nodes).map((m) => [m.id, overlay, false]));
    // A local chip on the same overlay stays draggable.
    expect(chip(nodes, 'fx-a')?.draggable).toBe(true);
  });

  it('badges this engine’s chips on swarm-scoped networks with its node, and no chip elsewhere', () => {
    expect(chip(nodes, 'fx-a')?.data).toMatchObject({ node: 'bb-node-1' });
    const fxA = recorded.manager.containersInspect.find((c) => c.Name === '/fx-a') as EngineContainer;
    const bridgeId = networkNamed(t, 'bridge')?.id ?? '';
    const onBridge: EngineContainer = {
      ...structuredClone(fxA),
      Id: '1'.repeat(64),
      Name: '/local-only',
      HostConfig: { ...fxA.HostConfig, NetworkMode: 'bridge' },
      NetworkSettings: {
        Networks: { bridge: { NetworkID: bridgeId, EndpointID: 'd'.repeat(64), IPAddress: '172.17.0.9', IPPrefixLen: 16 } },
      },
    };
    const grown = elements({ topology: putContainer(t, onBridge) });
    expect(chip(grown.nodes, 'local-only')?.data).toMatchObject({ node: null });
  });

  it('says on each bar what the network is in the swarm, with the nodes an overlay spans', () => {
    expect(bar(nodes, 'fx-ov')?.data).toMatchObject({
      swarm: {
        role: 'overlay',
        nodes: [
          { name: 'bb-node-1', self: true },
          { name: 'bb-node-2', self: false },
        ],
      },
    });
    expect(bar(nodes, 'ingress')?.data).toMatchObject({ swarm: { role: 'ingress' } });
    expect(bar(nodes, 'docker_gwbridge')?.data).toMatchObject({ swarm: { role: 'gateway', nodes: [] } });
    expect(bar(nodes, 'bridge')?.data).toMatchObject({ swarm: null });
  });

  it('dims members with their overlay while a search leaves it out', () => {
    const off = elements({ topology: t, matches: new Set([containerNamed(t, 'fx-a')?.id ?? '']) });
    expect(members(off.nodes).every((m) => m.data.dimmed)).toBe(true);
    const on = elements({ topology: t, matches: new Set([overlay]) });
    expect(members(on.nodes).some((m) => m.data.dimmed)).toBe(false);
  });
});

describe('board elements elsewhere', () => {
  it('on a worker, badges the manager’s members by address: a worker does not know the other nodes’ names', () => {
    const t = workerTopology();
    const { nodes } = elements({ topology: t });
    expect(
      members(nodes)
        .map((m) => [m.data.name, m.data.node])
        .sort(),
    ).toEqual([
      ['fx-a', '10.250.0.2'],
      ['fx-web.1', '10.250.0.2'],
    ]);
    expect(chip(nodes, 'fx-b')?.data).toMatchObject({ node: 'bb-node-2' });
  });

  it('shows, and the legend explains, no swarm mark on an engine outside a swarm', () => {
    const fx = plain as unknown as { networksList: EngineNetwork[]; containersInspect: EngineContainer[] };
    const t = fromEngine(fx.networksList, fx.containersInspect);
    const { nodes } = elements({ topology: t });
    expect(members(nodes)).toEqual([]);
    expect(nodes.every((n) => n.type !== 'container' || n.data.node === null)).toBe(true);
    expect(swarmMarks(t)).toEqual({ members: false, badges: false });
    expect(swarmMarks(managerTopology())).toEqual({ members: true, badges: true });
  });
});
