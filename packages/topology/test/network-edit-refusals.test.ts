import { describe, expect, it } from 'vitest';
import type { Container, EngineEndpointSettings, Network, NetworkEditInput, NetworkSpec, Topology } from '../src/index.js';
import { planNetworkEdit, specOfNetwork } from '../src/index.js';
import { build, ctr, net } from './hand-built.js';

/** What a network edit refuses up front, what it warns of, what it lists as changed, and its basis. */

const appnet = (over: Partial<Network> = {}) =>
  net('appnet', {
    id: 'net-appnet-0123456789abcdef',
    ipam: { driver: 'default', config: [{ subnet: '172.30.5.0/24', gateway: '172.30.5.1', ipRange: null, auxAddresses: {} }], options: {} },
    ...over,
  });

function topology(network: Network, containers: Container[], attached: string[] = containers.map((c) => c.name)): Topology {
  return build(
    [network, net('other', {}, '10.99.0.0/16'), net('bridge', { system: true }, '172.17.0.0/16')],
    containers,
    attached.map((name, i) => ['appnet', name, { networkId: network.id, ipv4: `172.30.5.${10 + i}` }]),
  );
}

const settingsOf = (t: Topology, network: Network): Record<string, EngineEndpointSettings> =>
  Object.fromEntries(
    Object.values(t.endpoints)
      .filter((e) => e.networkId === network.id)
      .map((e) => [e.containerId, { IPAddress: e.ipv4 ?? '', Aliases: [] }]),
  );

function edit(t: Topology, network: Network, target: (s: NetworkSpec) => NetworkSpec, over: Partial<NetworkEditInput> = {}) {
  return planNetworkEdit(t, {
    network: network.name,
    target: target(specOfNetwork(network)),
    settings: settingsOf(t, network),
    addresses: 'refuse',
    apiVersion: '1.45',
    ...over,
  });
}

const mtu = (s: NetworkSpec): NetworkSpec => ({ ...s, options: { ...s.options, 'com.docker.network.driver.mtu': '1400' } });
const renamed =
  (name: string) =>
  (s: NetworkSpec): NetworkSpec => ({ ...s, name });

describe('refusals', () => {
  it('refuses a name taken by another network, and a name Docker would refuse', () => {
    const n = appnet();
    const t = topology(n, []);
    expect(edit(t, n, renamed('other')).refusals).toEqual([
      { container: null, field: 'name', reason: "A network named 'other' already exists" },
    ]);
    expect(edit(t, n, renamed('-bad name')).refusals).toEqual([
      { container: null, field: 'name', reason: "'-bad name' is not a valid network name" },
    ]);
    const ok = edit(t, n, renamed('shop'));
    expect(ok.refusals).toEqual([]);
    expect(ok.commands).toEqual([
      'docker network rm appnet',
      'docker network create --driver bridge --subnet 172.30.5.0/24 --gateway 172.30.5.1 shop',
    ]);
  });
  it('connects back to the new name after a rename, when no container was started with --network appnet', () => {
    const n = appnet();
    const t = topology(n, [ctr('web')]);
    expect(edit(t, n, renamed('shop')).commands).toEqual([
      'docker network disconnect appnet web',
      'docker network rm appnet',
      'docker network create --driver bridge --subnet 172.30.5.0/24 --gateway 172.30.5.1 shop',
      'docker network connect --ip 172.30.5.10 shop web',
    ]);
  });
  it('refuses any re-make under a container started with --network <id>: the new network has a new id', () => {
    const n = appnet();
    const t = topology(n, [ctr('web', { networkMode: { kind: 'network', network: 'net-appnet-0123' } })]);
    expect(edit(t, n, mtu).refusals).toEqual([
      {
        container: 'web',
        field: null,
        reason:
          "'web' was started with --network net-appnet-0123, the id of 'appnet': the re-made network has a new id, so 'web' would not start again",
      },
    ]);
  });
  it('refuses a swarm overlay: its services hold it', () => {
    const n = appnet({ scope: 'swarm', driver: 'overlay' });
    expect(edit(topology(n, []), n, mtu).refusals[0]?.reason).toBe(
      "'appnet' is a swarm overlay network: the services attached to it hold it, and one engine cannot re-make it under them; change the services instead (docker service update --network-rm/--network-add)",
    );
  });
  it('refuses a subnet that is not one, or overlaps another network', () => {
    const n = appnet();
    const t = topology(n, []);
    const at =
      (subnet: string) =>
      (s: NetworkSpec): NetworkSpec => ({ ...s, subnets: [{ subnet }] });
    expect(edit(t, n, at('10.99.3.0/24')).refusals).toEqual([
      { container: null, field: 'subnets[0].subnet', reason: "10.99.3.0/24 overlaps the subnet of network 'other'" },
    ]);
    expect(edit(t, n, at('10.300.0.0/24')).refusals[0]?.reason).toBe("'10.300.0.0/24' is not a subnet with a gateway of its own family");
  });
  it('refuses a container in the middle of a restart, and one whose settings were not given', () => {
    const n = appnet();
    const t = topology(n, [ctr('flappy', { state: 'restarting' }), ctr('web')]);
    expect(edit(t, n, mtu).refusals).toEqual([
      { container: 'flappy', field: null, reason: "'flappy' is restarting: wait until it runs or stops" },
    ]);
    expect(edit(t, n, mtu, { settings: {} }).refusals.map((r) => r.reason)).toEqual([
      "'flappy' is restarting: wait until it runs or stops",
      "No settings of 'web' on 'appnet' were given: inspect it again",
    ]);
  });
});

describe('steps and warnings', () => {
  it('takes running containers off first and brings them back first, stopped ones after, each group by name', () => {
    const n = appnet();
    const t = topology(n, [ctr('c'), ctr('z-stopped', { state: 'exited' }), ctr('a'), ctr('b'), ctr('paused', { state: 'paused' })]);
    const p = edit(t, n, mtu);
    expect(p.steps.map((s) => `${s.kind} ${'container' in s ? s.container : ''}`.trim())).toEqual([
      'disconnect a',
      'disconnect b',
      'disconnect c',
      'disconnect paused',
      'disconnect z-stopped',
      'remove-network',
      'create-network',
      'connect a',
      'connect b',
      'connect c',
      'connect paused',
      'connect z-stopped',
    ]);
    expect(p.endpoints.map((e) => e.offline)).toEqual([
      { from: 0, to: 7 },
      { from: 1, to: 8 },
      { from: 2, to: 9 },
      { from: 3, to: 10 },
      null,
    ]);
    expect(p.connectivity).toBe(
      "4 running containers lose 'appnet' from their disconnect (steps 1–4) until their reconnect (steps 8–11): each is off for 7 steps; 1 stopped container is reconnected without traffic.",
    );
  });
  it('says nothing loses connectivity when nothing runs on the network', () => {
    const n = appnet();
    expect(edit(topology(n, []), n, mtu).connectivity).toBe('No running container is attached: nothing loses connectivity.');
  });
  it("keeps compose's labels and says what `docker compose up` will make of the network; warns when the edit drops them", () => {
    const labels = {
      'com.docker.compose.network': 'default',
      'com.docker.compose.project': 'shop',
      'com.docker.compose.version': '2.31.0',
    };
    const n = appnet({ labels });
    const t = topology(n, []);
    const kept = edit(t, n, mtu);
    expect(kept.after.labels).toEqual(labels);
    expect(kept.commands[1]).toContain('--label com.docker.compose.network=default --label com.docker.compose.project=shop');
    expect(kept.warnings).toEqual([
      expect.stringMatching(/^Compose's labels on 'appnet' are kept.*config-hash label.*re-creates the network from the file/),
    ]);
    const dropped = edit(t, n, (s) => ({ ...mtu(s), labels: { 'com.docker.compose.version': '2.31.0' } }));
    expect(dropped.warnings).toEqual([
      "The edit removes or changes compose's com.docker.compose.network and com.docker.compose.project labels: `docker compose up` will then refuse 'appnet' (\"network … was found but has incorrect label\").",
    ]);
  });
  it('lists every changed field, in a fixed order, absent values as null', () => {
    const n = appnet({ labels: { team: 'ops' }, options: { 'com.docker.network.driver.mtu': '1500' } });
    const p = edit(topology(n, []), n, (s) => ({
      ...s,
      name: 'shop',
      internal: true,
      subnets: [{ subnet: '10.77.0.0/24', gateway: '10.77.0.254', ipRange: '10.77.0.128/25', auxAddresses: { router: '10.77.0.2' } }],
      options: { 'com.docker.network.bridge.enable_icc': 'false', 'com.docker.network.driver.mtu': '1400' },
      labels: {},
    }));
    expect(p.changes).toEqual([
      { field: 'name', from: 'appnet', to: 'shop' },
      { field: 'internal', from: 'false', to: 'true' },
      { field: 'subnets[0].subnet', from: '172.30.5.0/24', to: '10.77.0.0/24' },
      { field: 'subnets[0].gateway', from: '172.30.5.1', to: '10.77.0.254' },
      { field: 'subnets[0].ipRange', from: null, to: '10.77.0.128/25' },
      { field: 'subnets[0].auxAddresses.router', from: null, to: '10.77.0.2' },
      { field: 'options.com.docker.network.bridge.enable_icc', from: null, to: 'false' },
      { field: 'options.com.docker.network.driver.mtu', from: '1500', to: '1400' },
      { field: 'labels.team', from: 'ops', to: null },
    ]);
  });
});

describe('basis', () => {
  const n = appnet();
  const base = topology(n, [ctr('web'), ctr('db'), ctr('elsewhere')], ['web', 'db']);
  const basis = (t: Topology, settings = settingsOf(t, n)) => edit(t, n, mtu, { settings }).basis;

  it('is a 64-bit digest that the revision and unrelated containers do not move', () => {
    const b = basis(base);
    expect(b).toMatch(/^[0-9a-f]{16}$/);
    expect(basis({ ...base, rev: 99 })).toBe(b);
    const withStranger = { ...base, containers: { ...base.containers, 'ctr-new': ctr('new') } };
    expect(basis(withStranger)).toBe(b);
    expect(basis(base, { ...settingsOf(base, n), 'ctr-elsewhere': { Aliases: ['x'] } })).toBe(b);
    // The target is the request, not what the plan was made from.
    expect(edit(base, n, (s) => ({ ...s, internal: true })).basis).toBe(b);
  });
  it("moves when an endpoint's alias, a container's state, or the network changes", () => {
    const b = basis(base);
    expect(basis(base, { ...settingsOf(base, n), 'ctr-web': { IPAddress: '172.30.5.10', Aliases: ['www'] } })).not.toBe(b);
    const stopped = { ...base, containers: { ...base.containers, 'ctr-db': ctr('db', { state: 'exited' }) } };
    expect(basis(stopped)).not.toBe(b);
    const relabelled = { ...base, networks: { ...base.networks, [n.id]: { ...n, labels: { team: 'ops' } } } };
    expect(basis(relabelled)).not.toBe(b);
  });
});
