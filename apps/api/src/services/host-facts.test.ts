import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fromEngine } from '@bridgeboard/topology';
import { hostFactsOf, parseRoutes, readHostFacts } from './host-facts.js';

/** /proc/net/route as recorded on the CI machine (tabs and the kernel's trailing blanks kept): eth0 the uplink, Docker's bridges, the fleet's bridge. */
const RECORDED = `Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT                                                       
eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0                                                                               
br-6f9c7c7bbc02\t00004D0A\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0                                                                    
bb-fleet0\t0000FA0A\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0                                                                          
docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0                                                                            
eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0                                                                               
`;

/** A laptop's, by hand: two default routes (the wired one preferred), Wi-Fi's LAN, a VPN, a route with its own MTU, a reject route and docker_gwbridge. */
const LAPTOP = [
  'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT',
  'wlan0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0',
  'enp0s31f6\t00000000\t01B2A8C0\t0003\t0\t0\t100\t00000000\t1400\t0\t0',
  'wlan0\t0001A8C0\t00000000\t0001\t0\t0\t600\t00FFFFFF\t0\t0\t0',
  'tun0\t0000080A\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0',
  'lo\t0000000A\t00000000\t0201\t0\t0\t0\t000000FF\t0\t0\t0',
  'docker_gwbridge\t000012AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0',
  'vethab12cd\t0300A8C0\t00000000\t0005\t0\t0\t0\tFFFFFFFF\t0\t0\t0',
  'down0\t0000110A\t00000000\t0000\t0\t0\t0\t0000FFFF\t0\t0\t0',
  '',
].join('\n');

describe('parseRoutes', () => {
  it('reads the recorded table: little-endian hex addresses, masks as prefixes, metric and MTU', () => {
    expect(parseRoutes(RECORDED, 'LE')).toEqual([
      { interface: 'eth0', destination: '0.0.0.0/0', metric: 0, mtu: 0 },
      { interface: 'br-6f9c7c7bbc02', destination: '10.77.0.0/24', metric: 0, mtu: 0 },
      { interface: 'bb-fleet0', destination: '10.250.0.0/24', metric: 0, mtu: 0 },
      { interface: 'docker0', destination: '172.17.0.0/16', metric: 0, mtu: 0 },
      { interface: 'eth0', destination: '192.0.2.0/24', metric: 0, mtu: 0 },
    ]);
  });
  it('leaves out routes that are down or reject, and reads a host route as /32', () => {
    const routes = parseRoutes(LAPTOP, 'LE');
    expect(routes.map((r) => r.interface)).not.toContain('down0');
    expect(routes.map((r) => r.interface)).not.toContain('lo');
    expect(routes).toContainEqual({ interface: 'vethab12cd', destination: '192.168.0.3/32', metric: 0, mtu: 0 });
  });
  it("reads a big-endian host's table, whose numbers are in network order already", () => {
    const text =
      'Iface\tDestination\tGateway\tFlags\tRefCnt\tUse\tMetric\tMask\tMTU\tWindow\tIRTT\neth0\tC0000200\t00000000\t0001\t0\t0\t0\tFFFFFF00\t0\t0\t0\n';
    expect(parseRoutes(text, 'BE')).toEqual([{ interface: 'eth0', destination: '192.0.2.0/24', metric: 0, mtu: 0 }]);
    expect(parseRoutes(text, 'LE')).toEqual([]); // read the wrong way round, the mask is not a mask
  });
});

describe('hostFactsOf', () => {
  it("takes the default route of lowest metric as the uplink, capped by the route's own MTU, and leaves Docker's own routes out", () => {
    expect(hostFactsOf(parseRoutes(LAPTOP, 'LE'), 1500)).toEqual({
      uplink: { name: 'enp0s31f6', mtu: 1400 },
      routes: [
        { destination: '192.168.1.0/24', interface: 'wlan0' },
        { destination: '10.8.0.0/16', interface: 'tun0' },
      ],
    });
  });
  it('gives the recorded host its uplink and the routes that are not Docker bridges', () => {
    expect(hostFactsOf(parseRoutes(RECORDED, 'LE'), 1400)).toEqual({
      uplink: { name: 'eth0', mtu: 1400 },
      routes: [
        { destination: '10.250.0.0/24', interface: 'bb-fleet0' },
        { destination: '192.0.2.0/24', interface: 'eth0' },
      ],
    });
  });
  it('has no uplink without a default route or without its MTU', () => {
    expect(hostFactsOf(parseRoutes(RECORDED, 'LE').slice(1), 1500).uplink).toBeNull();
    expect(hostFactsOf(parseRoutes(RECORDED, 'LE'), null).uplink).toBeNull();
  });
});

describe('readHostFacts', () => {
  const root = mkdtempSync(join(tmpdir(), 'bb-host-facts-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  /** A /proc and /sys with these interfaces (MTU each) and this route table. */
  const machine = (name: string, mtus: Record<string, number>, routes: string) => {
    for (const [i, mtu] of Object.entries(mtus)) {
      mkdirSync(join(root, name, 'sys', 'class', 'net', i), { recursive: true });
      writeFileSync(join(root, name, 'sys', 'class', 'net', i, 'mtu'), `${mtu}\n`);
    }
    mkdirSync(join(root, name, 'proc', 'net'), { recursive: true });
    writeFileSync(join(root, name, 'proc', 'net', 'route'), routes);
    return { proc: join(root, name, 'proc'), sys: join(root, name, 'sys') };
  };
  const t = fromEngine([{ Id: 'b', Name: 'bridge', Driver: 'bridge', Options: { 'com.docker.network.bridge.name': 'docker0' } }], []);

  it("reads the host's namespace: the uplink's MTU from /sys and the routes from /proc", async () => {
    const host = machine('host', { eth0: 1400, docker0: 1500, lo: 65536 }, RECORDED);
    expect(await readHostFacts(t, true, host)).toEqual({
      uplink: { name: 'eth0', mtu: 1400 },
      routes: [
        { destination: '10.250.0.0/24', interface: 'bb-fleet0' },
        { destination: '192.0.2.0/24', interface: 'eth0' },
      ],
    });
  });
  it('is undefined for a remote engine, in a container of its own (no docker0), or without /proc/net/route', async () => {
    expect(await readHostFacts(t, false, machine('remote', { eth0: 1500, docker0: 1500 }, RECORDED))).toBeUndefined();
    expect(await readHostFacts(t, true, machine('container', { eth0: 1500, lo: 65536 }, RECORDED))).toBeUndefined();
    const noProc = machine('no-proc', { eth0: 1500, docker0: 1500 }, RECORDED);
    expect(await readHostFacts(t, true, { ...noProc, proc: join(root, 'missing') })).toBeUndefined();
  });
});
