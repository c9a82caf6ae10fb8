import { describe, expect, it } from 'vitest';
import { endpointKey, fromEngine, isDefaultBridge, type Topology } from '../src/index.js';
import { loadFixture } from './fixtures.js';

function byName(t: Topology) {
  const net = (name: string) => {
    const n = Object.values(t.networks).find((x) => x.name === name);
    if (!n) throw new Error(`no network ${name}`);
    return n;
  };
  const ctr = (name: string) => {
    const c = Object.values(t.containers).find((x) => x.name === name);
    if (!c) throw new Error(`no container ${name}`);
    return c;
  };
  const ep = (network: string, container: string) => t.endpoints[endpointKey(net(network).id, ctr(container).id)];
  return { net, ctr, ep };
}

describe.each(['1.41', '1.45'] as const)('fromEngine on engine answers of API %s', (version) => {
  const fx = loadFixture(version);
  const t = fromEngine(fx.networksList, fx.containersInspect);
  const { net, ctr, ep } = byName(t);

  it('reads the default bridge as docker0, a system network without DNS', () => {
    const bridge = net('bridge');
    expect(isDefaultBridge(bridge)).toBe(true);
    expect(bridge.system).toBe(true);
    expect(bridge.hostInterface).toBe('docker0');
    expect(bridge.ipam.config[0]?.subnet).toBe('172.17.0.0/16');
    expect(ep('bridge', 'legacy-web')?.dnsNames).toEqual([]);
  });

  it('reads a user-defined bridge with custom subnet, gateway, range, aux address, MTU, ICC and labels', () => {
    const n = net('fx-mtu');
    expect(n.system).toBe(false);
    expect(isDefaultBridge(n)).toBe(false);
    expect(n.hostInterface).toBe('br-fxmtu');
    expect(n.ipam.config).toEqual([
      { subnet: '10.78.0.0/24', gateway: '10.78.0.254', ipRange: '10.78.0.128/25', auxAddresses: { reserved: '10.78.0.10' } },
    ]);
    expect(n.options['com.docker.network.driver.mtu']).toBe('1400');
    expect(n.options['com.docker.network.bridge.enable_icc']).toBe('false');
    expect(n.labels.team).toBe('ops');
    expect(net('appnet').hostInterface).toBe(`br-${net('appnet').id.slice(0, 12)}`);
  });

  it('reads internal and IPv6 networks', () => {
    expect(net('fx-internal').internal).toBe(true);
    const v6 = net('fx-v6');
    expect(v6.enableIPv6).toBe(true);
    expect(v6.ipam.config.map((c) => c.subnet)).toEqual(['10.80.0.0/24', 'fd00:80::/64']);
    expect(ep('fx-v6', 'fx-v6c')?.ipv6).toMatch(/^fd00:80::/);
  });

  it('reads a container on two networks with aliases and a static address', () => {
    const mtu = ep('fx-mtu', 'fx-multi');
    expect(mtu).toMatchObject({
      ipv4: '10.78.0.200',
      ipv4PrefixLen: 24,
      aliases: ['api'],
      ipamConfig: { ipv4: '10.78.0.200', ipv6: null },
    });
    expect(mtu?.dnsNames).toEqual(['fx-multi', 'api', ctr('fx-multi').id.slice(0, 12)]);
    expect(ep('fx-internal', 'fx-multi')?.aliases).toEqual(['api-internal']);
    expect(ctr('fx-multi').networkMode).toEqual({ kind: 'network', network: 'fx-mtu' });
  });

  it('reads host, none and container: modes', () => {
    expect(ctr('host-mode').networkMode).toEqual({ kind: 'host' });
    expect(ep('host', 'host-mode')).toMatchObject({ ipv4: null, mac: null });
    expect(ctr('isolated').networkMode).toEqual({ kind: 'none' });
    expect(ep('none', 'isolated')).toBeDefined();
    expect(ctr('web-sidecar').networkMode).toEqual({ kind: 'container', container: ctr('web').id });
    expect(Object.values(t.endpoints).filter((e) => e.containerId === ctr('web-sidecar').id)).toEqual([]);
  });

  it('reads published ports and a legacy --link', () => {
    expect(ctr('web').ports).toEqual([{ containerPort: 80, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: expect.any(Number) as number }]);
    expect(ctr('db').ports).toEqual([]);
    expect(ctr('legacy-web').links).toEqual([{ container: 'legacy-db', alias: 'db' }]);
    expect(ctr('legacy-web').networkMode).toEqual({ kind: 'bridge' });
  });

  it('keeps a never-started container attached but without a live endpoint', () => {
    expect(ctr('fx-stopped').state).toBe('created');
    expect(ep('fx-internal', 'fx-stopped')).toMatchObject({ endpointId: '', ipv4: null });
  });

  it("agrees with the engine's own network inspect on every live endpoint", () => {
    for (const n of fx.networksInspect) {
      const live = Object.values(t.endpoints).filter((e) => e.networkId === n.Id && e.endpointId !== '');
      const engine = Object.entries(n.Containers).map(([id, c]) => ({
        containerId: id,
        name: c.Name,
        endpointId: c.EndpointID,
        ipv4: c.IPv4Address || null,
        mac: c.MacAddress || null,
      }));
      const ours = live.map((e) => ({
        containerId: e.containerId,
        name: t.containers[e.containerId]?.name,
        endpointId: e.endpointId,
        ipv4: e.ipv4 && `${e.ipv4}/${e.ipv4PrefixLen}`,
        mac: e.mac,
      }));
      const order = (a: { containerId: string }, b: { containerId: string }) => a.containerId.localeCompare(b.containerId);
      expect(ours.sort(order), n.Name).toEqual(engine.sort(order));
    }
  });
});

describe('fromEngine after an engine that died uncleanly', () => {
  it('does not count a stopped container’s stale endpoint as live (network inspect lists none)', () => {
    const fx = loadFixture('1.41');
    const containers = structuredClone(fx.containersInspect);
    const web = containers.find((c) => c.Name === '/web');
    if (!web?.State) throw new Error('fixture lacks web');
    // What a restarted engine answers: exited, but NetworkSettings still as it was when it ran.
    web.State.Status = 'exited';
    const t = fromEngine(fx.networksList, containers);
    const { ep } = byName(t);
    expect(ep('appnet', 'web')).toMatchObject({ endpointId: '', ipv4: null, mac: null, aliases: [] });
    expect(ep('appnet', 'db')?.endpointId).not.toBe('');
  });
});
