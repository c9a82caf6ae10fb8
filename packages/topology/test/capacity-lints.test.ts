import { describe, expect, it } from 'vitest';
import { lints, type HostFacts, type Lint } from '../src/lints.js';
import type { Container, Network } from '../src/index.js';
import { build, ctr, net } from './hand-built.js';

const only = (ls: Lint[], code: Lint['code']) => ls.filter((l) => l.code === code);
const host = (over: Partial<HostFacts> = {}): HostFacts => ({ uplink: { name: 'eth0', mtu: 1500 }, routes: [], ...over });
const POOLS = [
  ...Array.from({ length: 15 }, (_, i) => `172.${17 + i}.0.0/16`),
  ...Array.from({ length: 16 }, (_, i) => `192.168.${i * 16}.0/20`),
];
/** One network on each of the first `count` pool subnets, as the engine hands them out. */
const pooled = (count: number): Network[] => POOLS.slice(0, count).map((subnet, i) => net(`n${i}`, {}, subnet));

describe('address-pools', () => {
  it('is quiet with 6 subnets left, warns at 5 and at 1, and is danger at none', () => {
    expect(only(lints(build(pooled(25))), 'address-pools')).toEqual([]);
    const [five] = only(lints(build(pooled(26))), 'address-pools');
    expect(five).toMatchObject({ severity: 'warning', fix: null, networks: expect.arrayContaining(['n0', 'n25']) as string[] });
    expect(five?.message).toBe(
      "5 of the 31 subnets of Docker's default address pools are left (26 taken by 26 networks); this assumes the daemon has no default-address-pools of its own.",
    );
    expect(five?.advice).toMatch(/"default-address-pools": \[\{"base": "10\.0\.0\.0\/8", "size": 24\}\].*--subnet/);
    expect(only(lints(build(pooled(30))), 'address-pools')[0]?.message).toMatch(/^1 of the 31 subnets .* is left/);
    expect(only(lints(build(pooled(31))), 'address-pools')[0]).toMatchObject({
      severity: 'danger',
      message: expect.stringMatching(/^None of/) as string,
    });
  });
  it('counts a pool taken by any overlap: a wider subnet takes every pool inside it, a narrower one the pool around it', () => {
    const wide = net('wide', {}, '172.16.0.0/12'); // all fifteen /16s
    const narrow = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((i) => net(`small${i}`, {}, `192.168.${i * 16 + 3}.0/24`));
    const [l] = only(lints(build([wide, ...narrow])), 'address-pools');
    expect(l?.message).toMatch(/^5 of the 31 .* \(26 taken by 12 networks\)/);
  });
  it('leaves out subnets outside the pools, IPv6 and swarm-scoped networks (the swarm has its own pool)', () => {
    const outside = Array.from({ length: 10 }, (_, i) => net(`ten${i}`, {}, `10.${i}.0.0/16`));
    const swarm = POOLS.slice(25).map((s, i) => net(`ov${i}`, { driver: 'overlay', scope: 'swarm' }, s));
    expect(only(lints(build([...pooled(25), ...outside, ...swarm, net('v6', {}, 'fd00::/8')])), 'address-pools')).toEqual([]);
  });
  it('counts a pool the host routes as taken (the engine skips those), but never for the default route', () => {
    const routes = [
      { destination: '192.168.224.0/24', interface: 'wlan0' },
      { destination: '0.0.0.0/0', interface: 'eth0' },
    ];
    expect(only(lints(build(pooled(25)), host({ routes })), 'address-pools')[0]?.message).toMatch(
      /^5 of the 31 .* \(25 taken by 25 networks and 1 overlapped by the host's routes\)/,
    );
    expect(only(lints(build(pooled(25)), host({ routes: routes.slice(1) })), 'address-pools')).toEqual([]);
  });
});

/** `count` running containers, all on one network of `driver`. */
function crowded(count: number, driver = 'bridge') {
  const containers: Container[] = Array.from({ length: count }, (_, i) => ctr(`c${i}`));
  const attachments = containers.map((c): [string, string] => ['crowd', c.name]);
  return build([net('crowd', { driver, hostInterface: 'br-crowd' }, '10.9.0.0/16')], containers, attachments);
}

describe('bridge-ports', () => {
  it('is quiet at 899 endpoints, warns at 900 and 999, is danger at 1,000', () => {
    expect(only(lints(crowded(899)), 'bridge-ports')).toEqual([]);
    expect(only(lints(crowded(900)), 'bridge-ports')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        networks: ['crowd'],
        fix: null,
        message: "'crowd' has 900 containers on its bridge 'br-crowd', which holds at most 1,024 ports.",
        advice: expect.stringMatching(/^Split the containers over more networks/) as string,
      }),
    ]);
    expect(only(lints(crowded(999)), 'bridge-ports')[0]?.severity).toBe('warning');
    expect(only(lints(crowded(1_000)), 'bridge-ports')[0]?.severity).toBe('danger');
  });
  it('counts only bridge-driver networks: an overlay has no Linux bridge port per container', () => {
    expect(only(lints(crowded(1_000, 'overlay')), 'bridge-ports')).toEqual([]);
  });
});

const mtu = (value: number) => ({ 'com.docker.network.driver.mtu': String(value) });

describe('mtu against the uplink', () => {
  const t = build([
    net('jumbo', { options: mtu(9000) }, '10.1.0.0/24'),
    net('fits', { options: mtu(1500) }, '10.2.0.0/24'),
    net('inside', { options: mtu(9000), internal: true }, '10.3.0.0/24'),
    net('plain', {}, '10.4.0.0/24'),
  ]);
  it('flags a bridge whose MTU is larger than the uplink, not one that fits, an internal one, or one with none set', () => {
    expect(only(lints(t, host()), 'mtu')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        networks: ['jumbo'],
        message: "'jumbo' has MTU 9000, larger than the host uplink 'eth0' (1500).",
      }),
    ]);
    expect(only(lints(t, host({ uplink: { name: 'eth0', mtu: 9001 } })), 'mtu')).toEqual([]);
  });
  it('is not computed without the host facts, or without an uplink', () => {
    expect(only(lints(t), 'mtu')).toEqual([]);
    expect(only(lints(t, host({ uplink: null })), 'mtu')).toEqual([]);
  });
  it("weighs an overlay's containers (its option less VXLAN's 50) against the uplink less 50, 1450 when no MTU is set", () => {
    const overlays = build([
      net('mesh', { driver: 'overlay', scope: 'swarm' }, '10.0.1.0/24'),
      net('tuned', { driver: 'overlay', scope: 'swarm', options: mtu(1400) }, '10.0.2.0/24'),
    ]);
    expect(only(lints(overlays, host()), 'mtu')).toEqual([]);
    expect(only(lints(overlays, host({ uplink: { name: 'ens3', mtu: 1400 } })), 'mtu').map((l) => l.message)).toEqual([
      "The overlay 'mesh' gives its containers MTU 1450, larger than the host uplink 'ens3' (1400) less VXLAN's 50 bytes.",
    ]);
    expect(only(lints(overlays, host({ uplink: { name: 'ens3', mtu: 1399 } })), 'mtu').map((l) => l.networks)).toEqual([
      ['mesh'],
      ['tuned'],
    ]);
  });
});

describe('mtu mismatched with an overlay', () => {
  const stack = (bridge: Partial<Network>, overlay: Partial<Network>, bridgeName = 'front') =>
    build(
      [net(bridgeName, bridge, '10.1.0.0/24'), net('mesh', { driver: 'overlay', scope: 'swarm', ...overlay }, '10.0.1.0/24')],
      [ctr('api'), ctr('web'), ctr('alone')],
      [
        [bridgeName, 'api'],
        ['mesh', 'api'],
        [bridgeName, 'web'],
        ['mesh', 'web'],
        [bridgeName, 'alone'],
      ],
    );
  it('flags a bridge and an overlay that give a shared container two MTUs, one set by hand, without host facts', () => {
    expect(only(lints(stack({}, { options: mtu(1400) })), 'mtu')).toEqual([
      expect.objectContaining({
        severity: 'info',
        containers: ['api', 'web'],
        networks: ['front', 'mesh'],
        message: "'api', 'web' have MTU 1500 on 'front' and 1350 on the overlay 'mesh'.",
      }),
    ]);
    expect(only(lints(stack({ options: mtu(1400) }, {})), 'mtu').map((l) => l.severity)).toEqual(['info']);
  });
  it("is quiet when the MTUs agree, when neither was set (the engine's own 1500/1450), and for docker_gwbridge", () => {
    expect(only(lints(stack({ options: mtu(1350) }, { options: mtu(1400) })), 'mtu')).toEqual([]);
    expect(only(lints(stack({}, {})), 'mtu')).toEqual([]);
    expect(only(lints(stack({}, { options: mtu(1400) }, 'docker_gwbridge')), 'mtu')).toEqual([]);
  });
});

describe('route-overlap', () => {
  const routes = [
    { destination: '192.0.2.0/24', interface: 'eth0' },
    { destination: '0.0.0.0/0', interface: 'eth0' },
    { destination: '10.5.0.0/16', interface: 'br-own' },
  ];
  const t = build([
    net('clash', {}, '192.0.2.0/23'),
    net('inside', {}, '192.0.2.128/25'),
    net('own', { hostInterface: 'br-own' }, '10.5.0.0/16'),
    net('lan', { driver: 'macvlan' }, '192.0.2.0/24'),
    net('apart', {}, '10.6.0.0/16'),
  ]);
  it("flags a subnet overlapping one of the host's routes, wider or narrower, naming the route and its interface", () => {
    expect(only(lints(t, host({ routes })), 'route-overlap')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        networks: ['clash'],
        message: "'clash' (192.0.2.0/23) overlaps the host's route 192.0.2.0/24 via 'eth0'.",
      }),
      expect.objectContaining({ networks: ['inside'], fix: null, advice: expect.stringMatching(/--subnet/) as string }),
    ]);
  });
  it("ignores the default route, a network's own bridge route, a macvlan on the LAN, and runs only with host facts", () => {
    expect(only(lints(t, host({ routes: routes.slice(1) })), 'route-overlap')).toEqual([]);
    expect(only(lints(t), 'route-overlap')).toEqual([]);
  });
  it('leaves the overlap between two networks to overlapping-subnets', () => {
    const all = lints(t, host({ routes }));
    expect(only(all, 'overlapping-subnets').map((l) => l.networks)).toContainEqual(['clash', 'inside']);
    expect(only(all, 'route-overlap').every((l) => l.networks.length === 1)).toBe(true);
  });
});
