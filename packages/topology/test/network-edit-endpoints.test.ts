import { describe, expect, it } from 'vitest';
import type { Container, EngineEndpointSettings, NetworkEditInput, NetworkSpec } from '../src/index.js';
import { planNetworkEdit, specOfNetwork } from '../src/index.js';
import { build, ctr, net } from './hand-built.js';

/** Each endpoint through an edit: addresses kept or mapped, MACs, aliases (compose's too), links, driver options. */

const MTU = { 'com.docker.network.driver.mtu': '1400' };
const appnet = (subnet = '172.30.5.0/24', over = {}) =>
  net('appnet', {
    ipam: { driver: 'default', config: [{ subnet, gateway: null, ipRange: null, auxAddresses: {} }], options: {} },
    ...over,
  });

/** A running container on appnet at `ip`, with the MAC a pre-1.44 engine derives from it. */
function on(name: string, ip: string, over: Partial<Container> = {}): [Container, EngineEndpointSettings] {
  const mac = `02:42:${ip
    .split('.')
    .map((b) => Number(b).toString(16).padStart(2, '0'))
    .join(':')}`;
  return [ctr(name, over), { IPAddress: ip, MacAddress: mac, Aliases: [`ctr-${name}`.slice(0, 12)] }];
}

function plan(
  members: [Container, EngineEndpointSettings][],
  target: (s: NetworkSpec) => NetworkSpec,
  over: Partial<NetworkEditInput> = {},
  network = appnet(),
) {
  const t = build(
    [network],
    members.map(([c]) => c),
    members.map(([c, s]) => [
      'appnet',
      c.name,
      c.state === 'running'
        ? { ipv4: s.IPAddress ?? null, ipv6: s.GlobalIPv6Address || null, mac: s.MacAddress ?? null }
        : { endpointId: '', ipamConfig: { ipv4: s.IPAMConfig?.IPv4Address ?? null, ipv6: null } },
    ]),
  );
  return planNetworkEdit(t, {
    network: 'appnet',
    target: target(specOfNetwork(network)),
    settings: Object.fromEntries(members.map(([c, s]) => [c.id, s])),
    addresses: 'refuse',
    apiVersion: '1.41',
    ...over,
  });
}

const mtu = (s: NetworkSpec): NetworkSpec => ({ ...s, options: MTU });
const subnet =
  (cidr: string, gateway: string | null = null) =>
  (s: NetworkSpec): NetworkSpec => ({
    ...s,
    subnets: [{ subnet: cidr, gateway, ipRange: null, auxAddresses: {} }],
  });

describe('addresses through a subnet change', () => {
  it('maps 172.30.5.10 in 172.30.5.0/24 to 10.77.0.10 in 10.77.0.0/24, and on API 1.41 the derived MAC moves with it', () => {
    const p = plan([on('web', '172.30.5.10')], subnet('10.77.0.0/24'), { addresses: 'map' });
    expect(p.refusals).toEqual([]);
    expect(p.endpoints[0]).toMatchObject({
      before: { ipv4: '172.30.5.10', mac: '02:42:ac:1e:05:0a' },
      after: { ipv4: '10.77.0.10', mac: '02:42:0a:4d:00:0a' },
      kept: [],
    });
    expect(p.unkept).toEqual([
      { container: 'web', what: 'IPv4 address 172.30.5.10 → 10.77.0.10 (outside 10.77.0.0/24)', resolution: 'mapped' },
      {
        container: 'web',
        what: 'MAC 02:42:ac:1e:05:0a → 02:42:0a:4d:00:0a (derived from the address, which moves)',
        resolution: 'changes',
      },
    ]);
    expect(p.commands.at(-1)).toBe('docker network connect --ip 10.77.0.10 appnet web');
    expect(p.changes).toEqual([{ field: 'subnets[0].subnet', from: '172.30.5.0/24', to: '10.77.0.0/24' }]);
    expect(p.warnings).toEqual([
      "The subnet changes: 'web' moves to new addresses and keeps its DNS names; whatever reaches it by address (configuration, firewall rules, --link entries in /etc/hosts) must follow.",
    ]);
  });
  it('keeps the low host bits that fit when the prefixes differ, both ways', () => {
    const narrower = plan([on('web', '172.30.5.10')], subnet('10.77.0.0/24'), { addresses: 'map' }, appnet('172.30.0.0/16'));
    expect(narrower.endpoints[0]?.after.ipv4).toBe('10.77.0.10');
    const wider = plan([on('web', '172.30.5.10')], subnet('10.77.0.0/16'), { addresses: 'map' });
    expect(wider.endpoints[0]?.after.ipv4).toBe('10.77.0.10');
  });
  it('keeps an address a wider new subnet still holds, without mapping it', () => {
    const p = plan([on('web', '172.30.5.10')], subnet('172.30.0.0/16'), { addresses: 'map' });
    expect(p.endpoints[0]?.after.ipv4).toBe('172.30.5.10');
    expect(p.unkept).toEqual([]);
    expect(p.warnings).toEqual([
      "'web' keeps its address by asking for it with --ip: the engine had chosen it, and from now on it is fixed (IPAMConfig), as `docker network connect --ip` makes it.",
    ]);
  });
  it('refuses an address outside the new subnet when asked to refuse, naming where "map" would put it', () => {
    const p = plan([on('web', '172.30.5.10')], subnet('10.77.0.0/24'));
    expect(p.refusals).toEqual([
      {
        container: 'web',
        field: 'ipv4',
        reason: `'web' has 172.30.5.10 on 'appnet', outside the new subnet 10.77.0.0/24: choosing "map" would move it to 10.77.0.10`,
      },
    ]);
    expect(p.unkept).toEqual([{ container: 'web', what: 'IPv4 address 172.30.5.10 (outside 10.77.0.0/24)', resolution: 'refused' }]);
    expect(p).toMatchObject({ steps: [], commands: [] });
  });
  it('refuses a mapped address that lands on the new gateway, an aux address, the network or the broadcast address', () => {
    const gateway = plan([on('web', '172.30.5.10')], subnet('10.77.0.0/24', '10.77.0.10'), { addresses: 'map' });
    expect(gateway.refusals).toEqual([
      {
        container: 'web',
        field: 'ipv4',
        reason:
          "'web' has 172.30.5.10 on 'appnet', outside the new subnet 10.77.0.0/24, and the same host number there, 10.77.0.10, is the gateway of 10.77.0.0/24: choose another subnet, or disconnect 'web' first",
      },
    ]);
    const aux = plan(
      [on('web', '172.30.5.20')],
      (s) => ({ ...s, subnets: [{ subnet: '10.77.0.0/24', auxAddresses: { router: '10.77.0.20' } }] }),
      { addresses: 'map' },
    );
    expect(aux.refusals[0]?.reason).toMatch(/10\.77\.0\.20, is the aux address 'router' of 10\.77\.0\.0\/24/);
    const wide = appnet('172.30.0.0/16');
    const edges = plan([on('a', '172.30.5.255'), on('b', '172.30.6.0')], subnet('10.77.0.0/24'), { addresses: 'map' }, wide);
    expect(edges.refusals.map((r) => [r.container, r.reason.replace(/.*, is /, '')])).toEqual([
      ['a', "the broadcast address of 10.77.0.0/24: choose another subnet, or disconnect 'a' first"],
      ['b', "the network address of 10.77.0.0/24: choose another subnet, or disconnect 'b' first"],
    ]);
  });
  it('refuses two endpoints mapped onto one address, and a kept address the edit makes the gateway', () => {
    const wide = appnet('172.30.0.0/16');
    const both = plan([on('a', '172.30.5.10'), on('b', '172.30.6.10')], subnet('10.77.0.0/24'), { addresses: 'map' }, wide);
    expect(both.refusals).toEqual([
      { container: 'b', field: 'ipv4', reason: "'b' would ask for 10.77.0.10 on 'appnet', the address 'a' asks for" },
    ]);
    const gw = plan([on('web', '172.30.5.3')], subnet('172.30.5.0/24', '172.30.5.3'));
    expect(gw.refusals).toEqual([
      { container: 'web', field: 'ipv4', reason: "'web' would ask for 172.30.5.3 on 'appnet', the gateway of 172.30.5.0/24" },
    ]);
  });
  it("keeps a stopped container's fixed address (mapped like a live one) and gives it no MAC", () => {
    const stopped: [Container, EngineEndpointSettings] = [ctr('cold', { state: 'exited' }), { IPAMConfig: { IPv4Address: '172.30.5.50' } }];
    const kept = plan([stopped], mtu);
    expect(kept.endpoints[0]).toMatchObject({
      running: false,
      before: { ipv4: null, mac: null },
      after: { ipv4: '172.30.5.50', mac: null },
      kept: [{ field: 'ipv4', how: 'fixed with --ip, asked for again' }],
      offline: null,
    });
    expect(kept.commands.at(-1)).toBe('docker network connect --ip 172.30.5.50 appnet cold');
    expect(kept.connectivity).toBe(
      'No running container is attached: nothing loses connectivity. 1 stopped container is reconnected without traffic.',
    );
    expect(plan([stopped], subnet('10.77.0.0/24'), { addresses: 'map' }).endpoints[0]?.after.ipv4).toBe('10.77.0.50');
  });
});

describe('MAC addresses', () => {
  it('asks for the MAC again with --mac-address from API 1.44, even when the address is mapped', () => {
    const p = plan([on('web', '172.30.5.10')], subnet('10.77.0.0/24'), { addresses: 'map', apiVersion: '1.44' });
    expect(p.endpoints[0]?.after.mac).toBe('02:42:ac:1e:05:0a');
    expect(p.endpoints[0]?.kept).toEqual([{ field: 'mac', how: 'asked for with --mac-address' }]);
    expect(p.commands.at(-1)).toBe('docker network connect --ip 10.77.0.10 --mac-address 02:42:ac:1e:05:0a appnet web');
  });
  it('before 1.44, refuses a MAC given with --mac-address unless the container was started on this network', () => {
    const [c, s] = on('web', '172.30.5.10');
    const given: [Container, EngineEndpointSettings] = [c, { ...s, MacAddress: '02:aa:bb:cc:dd:ee' }];
    expect(plan([given], mtu).refusals).toEqual([
      {
        container: 'web',
        field: 'mac',
        reason:
          "'web' has the MAC 02:aa:bb:cc:dd:ee on 'appnet', not derived from its address, and this engine (API <1.44) cannot set a MAC on connect",
      },
    ]);
    const home: [Container, EngineEndpointSettings] = [{ ...c, networkMode: { kind: 'network', network: 'appnet' } }, given[1]];
    const p = plan([home], mtu);
    expect(p.refusals).toEqual([]);
    expect(p.endpoints[0]?.after.mac).toBe('02:aa:bb:cc:dd:ee');
    expect(p.endpoints[0]?.kept).toContainEqual({ field: 'mac', how: 'the engine gives the container its own --mac-address again' });
  });
  it('never asks an ipvlan endpoint for a MAC: the driver refuses one', () => {
    const ipvlan = appnet('172.30.5.0/24', { driver: 'ipvlan', options: { parent: 'eth0' } });
    const p = plan([on('web', '172.30.5.10')], mtu, { apiVersion: '1.45' }, ipvlan);
    expect(p.commands.at(-1)).toBe('docker network connect --ip 172.30.5.10 appnet web');
  });
});

describe('aliases, links, driver options, gateway priority', () => {
  const composeLabels = { 'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'api' };
  const api: [Container, EngineEndpointSettings] = [
    ctr('shop-api-1', { labels: composeLabels, composeProject: 'shop' }),
    {
      IPAddress: '172.30.5.4',
      MacAddress: '02:42:ac:1e:05:04',
      Aliases: ['shop-api-1', 'api', 'backend'],
      Links: ['shop-db-1:database'],
      DriverOpts: { 'com.example.vlan': '7' },
    },
  ];
  it("gives compose's implicit aliases back explicitly, apart from the explicit ones, with links and driver options", () => {
    const p = plan([api], mtu, { apiVersion: '1.44' });
    expect(p.refusals).toEqual([]);
    expect(p.endpoints[0]).toMatchObject({
      aliases: ['backend'],
      composeAliases: ['shop-api-1', 'api'],
      links: ['shop-db-1:database'],
      driverOpts: { 'com.example.vlan': '7' },
      gwPriority: null,
    });
    expect(p.endpoints[0]?.kept.map((k) => k.field)).toEqual(['ipv4', 'mac', 'aliases', 'aliases', 'links', 'driver-opts']);
    expect(p.endpoints[0]?.kept).toContainEqual({
      field: 'aliases',
      how: "compose's implicit aliases shop-api-1, api given back explicitly with --alias (a plain reconnect drops them)",
    });
    expect(p.commands.at(-1)).toBe(
      'docker network connect --alias shop-api-1 --alias api --alias backend --ip 172.30.5.4 --link shop-db-1:database ' +
        '--driver-opt com.example.vlan=7 --mac-address 02:42:ac:1e:05:04 appnet shop-api-1',
    );
  });
  it("leaves out the name and short id the engine adds itself when the container is not compose's", () => {
    const plain: [Container, EngineEndpointSettings] = [ctr('web'), { IPAddress: '172.30.5.4', Aliases: ['web', 'ctr-web', 'www'] }];
    const p = plan([plain], mtu);
    expect(p.endpoints[0]).toMatchObject({ aliases: ['www'], composeAliases: [] });
    expect(p.commands.at(-1)).toBe('docker network connect --alias www --ip 172.30.5.4 appnet web');
  });
  it('asks for the gateway priority from API 1.48, and refuses a non-zero one before', () => {
    const prio: [Container, EngineEndpointSettings] = [api[0], { ...api[1], GwPriority: 10 }];
    expect(plan([prio], mtu, { apiVersion: '1.48' }).commands.at(-1)).toMatch(
      /--mac-address 02:42:ac:1e:05:04 --gw-priority 10 appnet shop-api-1$/,
    );
    expect(plan([prio], mtu, { apiVersion: '1.47' }).refusals).toEqual([
      {
        container: 'shop-api-1',
        field: 'gw-priority',
        reason: "'shop-api-1' has the gateway priority 10 on 'appnet', and this engine (API <1.48) cannot set --gw-priority on connect",
      },
    ]);
  });
});
