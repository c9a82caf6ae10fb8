import type { Container, Endpoint, Network, Topology } from '../src/index.js';
import { emptySwarm, endpointKey } from '../src/index.js';

/** Small topologies written by hand, for the rules the recorded engine answers do not cover. */

export function net(name: string, over: Partial<Network> = {}, subnet?: string): Network {
  const system = name === 'bridge' || name === 'host' || name === 'none';
  return {
    id: `net-${name}`,
    name,
    driver: name === 'host' ? 'host' : name === 'none' ? 'null' : 'bridge',
    scope: 'local',
    internal: false,
    attachable: false,
    ingress: false,
    enableIPv6: false,
    ipam: { driver: 'default', config: subnet ? [{ subnet, gateway: null, ipRange: null, auxAddresses: {} }] : [], options: {} },
    options: name === 'bridge' ? { 'com.docker.network.bridge.default_bridge': 'true' } : {},
    labels: {},
    created: '',
    system,
    hostInterface: null,
    ...over,
  };
}

export function ctr(name: string, over: Partial<Container> = {}): Container {
  return {
    id: `ctr-${name}`,
    name,
    image: 'alpine',
    state: 'running',
    networkMode: { kind: 'bridge' },
    privileged: false,
    ports: [],
    links: [],
    labels: {},
    composeProject: null,
    created: '',
    ...over,
  };
}

export const port = (containerPort: number, hostIp = '0.0.0.0', hostPort = containerPort) => ({
  containerPort,
  protocol: 'tcp' as const,
  hostIp,
  hostPort,
});

export function build(
  networks: Network[],
  containers: Container[] = [],
  attachments: [string, string, Partial<Endpoint>?][] = [],
): Topology {
  const t: Topology = { rev: 1, networks: {}, containers: {}, endpoints: {}, ...emptySwarm() };
  for (const n of networks) t.networks[n.id] = n;
  for (const c of containers) t.containers[c.id] = c;
  for (const [network, container, over] of attachments) {
    const e: Endpoint = {
      networkId: `net-${network}`,
      containerId: `ctr-${container}`,
      endpointId: 'ep',
      ipv4: null,
      ipv4PrefixLen: null,
      ipv6: null,
      mac: null,
      gateway: null,
      aliases: [],
      dnsNames: [],
      ipamConfig: { ipv4: null, ipv6: null },
      ...over,
    };
    t.endpoints[endpointKey(e.networkId, e.containerId)] = e;
  }
  return t;
}

/** The article's web/db example, both on a user-defined bridge, the database still published. */
export const webDb = (dbPorts = [port(5432)]): Topology =>
  build(
    [net('bridge', {}, '172.17.0.0/16'), net('host'), net('none'), net('shop', {}, '10.1.0.0/24')],
    [
      ctr('web', { networkMode: { kind: 'network', network: 'shop' }, ports: [port(80)] }),
      ctr('db', { networkMode: { kind: 'network', network: 'shop' }, ports: dbPorts }),
    ],
    [
      ['shop', 'web'],
      ['shop', 'db'],
    ],
  );
