import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  apply,
  diff,
  endpointKey,
  fromEngine,
  putContainer,
  removeContainer,
  removeNetwork,
  type Container,
  type Endpoint,
  type Network,
  type OverlayMember,
  type SwarmNode,
  type Topology,
} from '../src/index.js';
import { loadFixture } from './fixtures.js';

// Small key pools so that generated pairs of topologies overlap: puts, dels and keeps all occur.
const netId = fc.constantFrom('n1', 'n2', 'n3', 'n4');
const ctrId = fc.constantFrom('c1', 'c2', 'c3', 'c4', 'c5');
const str = fc.string({ maxLength: 6 });
const dict = fc.dictionary(fc.constantFrom('a', 'b', 'com.docker.network.driver.mtu'), str, { maxKeys: 2 });
const ipOrNull = fc.option(fc.ipV4(), { nil: null });

const network = (id: string): fc.Arbitrary<Network> =>
  fc.record({
    id: fc.constant(id),
    name: str,
    driver: fc.constantFrom('bridge', 'macvlan', 'host', 'null'),
    scope: fc.constant('local'),
    internal: fc.boolean(),
    attachable: fc.boolean(),
    ingress: fc.boolean(),
    enableIPv6: fc.boolean(),
    ipam: fc.record({
      driver: fc.constant('default'),
      config: fc.array(fc.record({ subnet: str, gateway: ipOrNull, ipRange: fc.constant(null), auxAddresses: dict }), { maxLength: 2 }),
      options: dict,
    }),
    options: dict,
    labels: dict,
    created: str,
    system: fc.boolean(),
    hostInterface: fc.option(str, { nil: null }),
  });

const container = (id: string): fc.Arbitrary<Container> =>
  fc.record({
    id: fc.constant(id),
    name: str,
    image: str,
    state: fc.constantFrom('running', 'exited', 'paused', 'created'),
    networkMode: fc.oneof(
      fc.constant({ kind: 'bridge' as const }),
      fc.constant({ kind: 'host' as const }),
      netId.map((n) => ({ kind: 'network' as const, network: n })),
    ),
    privileged: fc.boolean(),
    ports: fc.array(
      fc.record({ containerPort: fc.nat(65535), protocol: fc.constantFrom('tcp', 'udp'), hostIp: fc.ipV4(), hostPort: fc.nat(65535) }),
      { maxLength: 2 },
    ),
    links: fc.array(fc.record({ container: str, alias: str }), { maxLength: 2 }),
    labels: dict,
    composeProject: fc.option(str, { nil: null }),
    created: str,
  });

const endpoint = (networkId: string, containerId: string): fc.Arbitrary<Endpoint> =>
  fc.record({
    networkId: fc.constant(networkId),
    containerId: fc.constant(containerId),
    endpointId: str,
    ipv4: ipOrNull,
    ipv4PrefixLen: fc.option(fc.nat(32), { nil: null }),
    ipv6: fc.constant(null),
    mac: fc.option(str, { nil: null }),
    gateway: ipOrNull,
    aliases: fc.array(str, { maxLength: 2 }),
    dnsNames: fc.array(str, { maxLength: 3 }),
    ipamConfig: fc.record({ ipv4: ipOrNull, ipv6: fc.constant(null) }),
  });

const node = (id: string): fc.Arbitrary<SwarmNode> =>
  fc.record({
    id: fc.constant(id),
    hostname: str,
    role: fc.constantFrom('manager', 'worker'),
    leader: fc.boolean(),
    state: fc.constantFrom('ready', 'down'),
    availability: fc.constantFrom('active', 'drain'),
    addr: fc.ipV4(),
    engineVersion: str,
    self: fc.boolean(),
  });

const member = (networkId: string, endpointId: string): fc.Arbitrary<OverlayMember> =>
  fc.record({
    networkId: fc.constant(networkId),
    endpointId: fc.constant(endpointId),
    name: str,
    ipv4: ipOrNull,
    nodeAddr: fc.ipV4(),
    service: fc.option(str, { nil: null }),
  });

const topology: fc.Arbitrary<Topology> = fc
  .record({
    rev: fc.nat(1000),
    nets: fc.uniqueArray(netId, { maxLength: 4 }),
    ctrs: fc.uniqueArray(ctrId, { maxLength: 5 }),
    pairs: fc.uniqueArray(fc.tuple(netId, ctrId), { maxLength: 8, selector: ([n, c]) => endpointKey(n, c) }),
    nodeIds: fc.uniqueArray(ctrId, { maxLength: 3 }),
    remote: fc.uniqueArray(fc.tuple(netId, ctrId), { maxLength: 4, selector: ([n, e]) => endpointKey(n, e) }),
  })
  .chain(({ rev, nets, ctrs, pairs, nodeIds, remote }) =>
    fc.record({
      rev: fc.constant(rev),
      networks: fc.tuple(...nets.map(network)).map((ns) => Object.fromEntries(ns.map((n) => [n.id, n]))),
      containers: fc.tuple(...ctrs.map(container)).map((cs) => Object.fromEntries(cs.map((c) => [c.id, c]))),
      endpoints: fc
        .tuple(...pairs.map(([n, c]) => endpoint(n, c)))
        .map((es) => Object.fromEntries(es.map((e) => [endpointKey(e.networkId, e.containerId), e]))),
      nodes: fc.tuple(...nodeIds.map(node)).map((ns) => Object.fromEntries(ns.map((n) => [n.id, n]))),
      services: fc.constant({}),
      tasks: fc.constant({}),
      members: fc
        .tuple(...remote.map(([n, e]) => member(n, e)))
        .map((ms) => Object.fromEntries(ms.map((m) => [endpointKey(m.networkId, m.endpointId), m]))),
    }),
  )
  // Topologies travel as JSON: plain objects (fast-check's records have a null prototype).
  .map((t) => JSON.parse(JSON.stringify(t)) as Topology);

describe('diff and apply', () => {
  it('apply(a, diff(a, b)) equals b for generated topologies', () => {
    fc.assert(
      fc.property(topology, topology, (a, b) => {
        expect(apply(a, diff(a, b))).toEqual(b);
      }),
      { numRuns: 500 },
    );
  });

  it('diff of a topology with itself is empty, and apply leaves its input untouched', () => {
    fc.assert(
      fc.property(topology, topology, (a, b) => {
        expect(diff(a, structuredClone(a)).ops).toEqual([]);
        const before = structuredClone(a);
        apply(a, diff(a, b));
        expect(a).toEqual(before);
      }),
    );
  });

  it('a per-object update yields only the ops for that object', () => {
    const fx = loadFixture('1.41');
    const t = fromEngine(fx.networksList, fx.containersInspect, 7);
    const web = fx.containersInspect.find((c) => c.Name === '/web');
    if (!web) throw new Error('fixture lacks web');
    const gone = diff(t, { ...removeContainer(t, web.Id), rev: 8 });
    expect(gone.rev).toBe(8);
    expect(gone.ops.map((o) => `${o.op} ${o.kind}`).sort()).toEqual(['del containers', 'del endpoints']);
    // Putting back the same inspect answer changes nothing.
    expect(diff(t, putContainer(t, web)).ops).toEqual([]);
    const appnet = Object.values(t.networks).find((n) => n.name === 'appnet');
    if (!appnet) throw new Error('fixture lacks appnet');
    const dropped = diff(t, removeNetwork(t, appnet.id)).ops;
    expect(dropped.filter((o) => o.kind === 'endpoints')).toHaveLength(2); // web and db
  });
});
