import type { EngineContainer, EngineEndpointSettings, EngineNetwork } from './engine-types.js';
import { own } from './lookup.js';
import { putGatewayEndpoints, swarmFromEngine, type SwarmLists } from './swarm.js';
import type { Container, ContainerState, Endpoint, Link, Network, NetworkMode, PublishedPort, Topology } from './types.js';
import { endpointKey } from './types.js';

const SYSTEM_NETWORKS = new Set(['bridge', 'host', 'none']);
const CONTAINER_STATES = new Set<ContainerState>(['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead']);
const PROTOCOLS = new Set<PublishedPort['protocol']>(['tcp', 'udp', 'sctp']);

export const BRIDGE_NAME_OPTION = 'com.docker.network.bridge.name';
export const DEFAULT_BRIDGE_OPTION = 'com.docker.network.bridge.default_bridge';

export function networkFromEngine(n: EngineNetwork): Network {
  const options = n.Options ?? {};
  return {
    id: n.Id,
    name: n.Name,
    driver: n.Driver,
    scope: n.Scope ?? 'local',
    internal: n.Internal ?? false,
    attachable: n.Attachable ?? false,
    ingress: n.Ingress ?? false,
    enableIPv6: n.EnableIPv6 ?? false,
    ipam: {
      driver: n.IPAM?.Driver ?? 'default',
      config: (n.IPAM?.Config ?? [])
        .filter((c) => c.Subnet)
        .map((c) => ({
          subnet: c.Subnet ?? '',
          gateway: c.Gateway || null,
          ipRange: c.IPRange || null,
          auxAddresses: { ...(c.AuxiliaryAddresses ?? {}) },
        })),
      options: { ...(n.IPAM?.Options ?? {}) },
    },
    options: { ...options },
    labels: { ...(n.Labels ?? {}) },
    created: n.Created ?? '',
    system: SYSTEM_NETWORKS.has(n.Name),
    // The engine names a bridge `br-<first 12 of id>` unless told otherwise (libnetwork bridge driver).
    hostInterface: n.Driver === 'bridge' ? (options[BRIDGE_NAME_OPTION] ?? `br-${n.Id.slice(0, 12)}`) : null,
  };
}

export function isDefaultBridge(n: Network): boolean {
  return n.driver === 'bridge' && (n.options[DEFAULT_BRIDGE_OPTION] === 'true' || n.name === 'bridge');
}

/** Whether the network's embedded DNS answers container names (user-defined networks only). */
export function hasDns(n: Network): boolean {
  return !isDefaultBridge(n) && n.driver !== 'host' && n.driver !== 'null';
}

function networkMode(raw: string | undefined): NetworkMode {
  if (!raw || raw === 'default' || raw === 'bridge') return { kind: 'bridge' };
  if (raw === 'host') return { kind: 'host' };
  if (raw === 'none') return { kind: 'none' };
  if (raw.startsWith('container:')) return { kind: 'container', container: raw.slice('container:'.length) };
  return { kind: 'network', network: raw };
}

/** `/legacy-db:/legacy-web/db` → legacy-db reachable as `db`. */
function parseLink(raw: string): Link | null {
  const m = /^\/([^:]+):\/[^/]+\/(.+)$/.exec(raw);
  return m?.[1] && m[2] ? { container: m[1], alias: m[2] } : null;
}

function parsePorts(ports: Record<string, { HostIp: string; HostPort: string }[] | null> | null | undefined): PublishedPort[] {
  const out: PublishedPort[] = [];
  for (const [key, bindings] of Object.entries(ports ?? {})) {
    const [port, proto = 'tcp'] = key.split('/');
    const protocol = PROTOCOLS.has(proto as PublishedPort['protocol']) ? (proto as PublishedPort['protocol']) : 'tcp';
    for (const b of bindings ?? []) {
      out.push({ containerPort: Number(port), protocol, hostIp: b.HostIp || '0.0.0.0', hostPort: Number(b.HostPort) });
    }
  }
  return out.sort((a, b) => a.containerPort - b.containerPort || a.hostIp.localeCompare(b.hostIp) || a.hostPort - b.hostPort);
}

export function containerFromEngine(c: EngineContainer): Container {
  const labels = { ...(c.Config?.Labels ?? {}) };
  const state = c.State?.Status as ContainerState | undefined;
  return {
    id: c.Id,
    name: c.Name.replace(/^\//, ''),
    image: c.Config?.Image ?? '',
    state: state && CONTAINER_STATES.has(state) ? state : 'dead',
    networkMode: networkMode(c.HostConfig?.NetworkMode),
    privileged: c.HostConfig?.Privileged ?? false,
    ports: parsePorts(c.NetworkSettings?.Ports),
    links: (c.HostConfig?.Links ?? []).map(parseLink).filter((l): l is Link => l !== null),
    labels,
    composeProject: labels['com.docker.compose.project'] ?? null,
    created: c.Created ?? '',
  };
}

// States with a network namespace; in any other the attachment is configured but not live.
const LIVE_STATES = new Set<ContainerState>(['running', 'paused', 'restarting']);

function endpointFromEngine(container: Container, network: Network, raw: EngineEndpointSettings): Endpoint {
  // An engine that died uncleanly keeps the old endpoint id and addresses on containers it no
  // longer runs; `docker network inspect` does not list them, so neither do we.
  const s: EngineEndpointSettings = LIVE_STATES.has(container.state)
    ? raw
    : { ...raw, EndpointID: '', IPAddress: '', IPPrefixLen: 0, GlobalIPv6Address: '', MacAddress: '', Gateway: '' };
  const shortId = container.id.slice(0, 12);
  // API < 1.45 puts the short id among the aliases; it is a DNS name, not something a user chose.
  const aliases = (s.Aliases ?? []).filter((a) => a !== shortId && a !== container.name);
  const dnsNames = s.DNSNames ?? (hasDns(network) ? [container.name, ...aliases, shortId] : []);
  return {
    networkId: network.id,
    containerId: container.id,
    endpointId: s.EndpointID ?? '',
    ipv4: s.IPAddress || null,
    ipv4PrefixLen: s.IPAddress ? (s.IPPrefixLen ?? null) : null,
    ipv6: s.GlobalIPv6Address || null,
    mac: s.MacAddress || null,
    gateway: s.Gateway || null,
    aliases,
    dnsNames: [...dnsNames],
    ipamConfig: { ipv4: s.IPAMConfig?.IPv4Address || null, ipv6: s.IPAMConfig?.IPv6Address || null },
  };
}

/**
 * One container and its endpoints, from its inspect answer. Networks are looked up by id, or by
 * name when the engine leaves NetworkID empty (a container that never ran); endpoints on networks
 * the topology does not know yet are skipped until that network is seen.
 */
export function containerWithEndpoints(
  raw: EngineContainer,
  networks: Record<string, Network>,
): { container: Container; endpoints: Endpoint[] } {
  const container = containerFromEngine(raw);
  const byName = new Map(Object.values(networks).map((n) => [n.name, n]));
  const endpoints: Endpoint[] = [];
  for (const [name, settings] of Object.entries(raw.NetworkSettings?.Networks ?? {})) {
    const network = (settings.NetworkID && own(networks, settings.NetworkID)) || byName.get(name);
    if (network) endpoints.push(endpointFromEngine(container, network, settings));
  }
  return { container, endpoints };
}

/** Builds a topology from the engine's network list and its container inspect answers. */
export function fromEngine(
  networksJson: EngineNetwork[],
  containersJson: EngineContainer[],
  rev = 0,
  swarm: SwarmLists | null = null,
): Topology {
  // Built with Object.fromEntries, which adds an own entry whatever the key: `table[key] = …` with
  // a key of `__proto__` would set the table's prototype instead.
  const networks = Object.fromEntries(networksJson.map((n) => [n.Id, networkFromEngine(n)]));
  const built = containersJson.map((raw) => containerWithEndpoints(raw, networks));
  const t: Topology = {
    rev,
    networks,
    containers: Object.fromEntries(built.map(({ container }) => [container.id, container])),
    endpoints: Object.fromEntries(built.flatMap(({ endpoints }) => endpoints.map((e) => [endpointKey(e.networkId, e.containerId), e]))),
    ...swarmFromEngine(swarm),
  };
  return swarm?.gateway ? putGatewayEndpoints(t, swarm.gateway) : t;
}
