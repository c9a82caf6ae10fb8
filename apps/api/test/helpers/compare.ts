import { expect } from 'vitest';
import type { Topology } from '@bridgeboard/topology';
import { docker as hostDocker, type EngineNetworkInspect } from './engine.js';

/**
 * The facts `docker network inspect` (and, for aliases, `docker inspect`) states about every
 * network, and `docker ps -a` about every container (name, state, network mode), in one
 * comparable shape; and the same facts read from a topology.
 */
export interface NetworkFacts {
  name: string;
  driver: string;
  subnets: string[];
  containers: { name: string; ipv4: string; aliases: string[] }[];
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** A swarm node's `ingress-sbox` and `lb-…` entries are the engine's own sandboxes, not containers. */
const isContainerId = (key: string) => /^[0-9a-f]{64}$/.test(key);

/** A swarm overlay seen from a node that holds none of its endpoints says `Containers: null`. */
const endpointsOf = (n: EngineNetworkInspect) => (n.Containers as EngineNetworkInspect['Containers'] | null) ?? {};

export interface ContainerFacts {
  name: string;
  state: string;
  mode: string;
}

export interface Facts {
  networks: NetworkFacts[];
  containers: ContainerFacts[];
}

/** `docker ps` shows a `container:<id>` mode with the full id; the topology keeps the same. */
function modeText(mode: Topology['containers'][string]['networkMode']): string {
  switch (mode.kind) {
    case 'bridge':
      return 'default';
    case 'network':
      return mode.network;
    case 'container':
      return `container:${mode.container}`;
    default:
      return mode.kind;
  }
}

/** The docker CLI against one engine: the host's (`docker`) or another (`dockerOn(host)`). */
type DockerCli = (...args: string[]) => Promise<string>;

export async function engineFacts(docker: DockerCli = hostDocker): Promise<Facts> {
  const [networks, containers] = await Promise.all([engineNetworkFacts(docker), engineContainerFacts(docker)]);
  return { networks, containers };
}

async function engineContainerFacts(docker: DockerCli): Promise<ContainerFacts[]> {
  const lines = (await docker('ps', '-a', '--format', '{{.Names}}\t{{.State}}')).split('\n').filter(Boolean);
  const ids = (await docker('ps', '-aq', '--no-trunc')).split('\n').filter(Boolean);
  const modes = ids.length ? (JSON.parse(await docker('inspect', ...ids)) as { Name: string; HostConfig: { NetworkMode: string } }[]) : [];
  const modeOf = new Map(
    modes.map((c) => [c.Name.replace(/^\//, ''), c.HostConfig.NetworkMode === 'bridge' ? 'default' : c.HostConfig.NetworkMode]),
  );
  return lines
    .map((line) => {
      const [name = '', state = ''] = line.split('\t');
      return { name, state, mode: modeOf.get(name) ?? '?' };
    })
    .sort(byName);
}

async function engineNetworkFacts(docker: DockerCli): Promise<NetworkFacts[]> {
  const ids = (await docker('network', 'ls', '-q')).split('\n').filter(Boolean);
  const networks = JSON.parse(await docker('network', 'inspect', ...ids)) as EngineNetworkInspect[];
  const containerIds = [...new Set(networks.flatMap((n) => Object.keys(endpointsOf(n)).filter(isContainerId)))];
  const containers = containerIds.length
    ? (JSON.parse(await docker('inspect', ...containerIds)) as {
        Id: string;
        Name: string;
        NetworkSettings: { Networks: Record<string, { Aliases: string[] | null }> };
      }[])
    : [];
  const aliases = (containerId: string, network: string) => {
    const c = containers.find((x) => x.Id === containerId);
    const shortId = containerId.slice(0, 12);
    const name = c?.Name.replace(/^\//, '');
    return (c?.NetworkSettings.Networks[network]?.Aliases ?? []).filter((a) => a !== shortId && a !== name).sort();
  };
  const nameOf = (containerId: string) => containers.find((x) => x.Id === containerId)?.Name.replace(/^\//, '');
  return networks
    .map((n) => ({
      name: n.Name,
      driver: n.Driver,
      subnets: (n.IPAM.Config ?? []).map((c) => c.Subnet).sort(),
      containers: Object.entries(endpointsOf(n))
        .filter(([id]) => isContainerId(id))
        // docker_gwbridge names each overlay container's interface `gateway_<sandbox>`; its key is the container.
        .map(([id, c]) => ({ name: nameOf(id) ?? c.Name, ipv4: c.IPv4Address, aliases: aliases(id, n.Name) }))
        .sort(byName),
    }))
    .sort(byName);
}

export function topologyFacts(t: Topology): Facts {
  return {
    networks: topologyNetworkFacts(t),
    containers: Object.values(t.containers)
      .map((c) => ({ name: c.name, state: c.state, mode: modeText(c.networkMode) }))
      .sort(byName),
  };
}

function topologyNetworkFacts(t: Topology): NetworkFacts[] {
  return Object.values(t.networks)
    .map((n) => ({
      name: n.name,
      driver: n.driver,
      subnets: n.ipam.config.map((c) => c.subnet).sort(),
      containers: Object.values(t.endpoints)
        .filter((e) => e.networkId === n.id && e.endpointId !== '')
        .map((e) => ({
          name: t.containers[e.containerId]?.name ?? '?',
          ipv4: e.ipv4 ? `${e.ipv4}/${e.ipv4PrefixLen ?? ''}` : '',
          aliases: [...e.aliases].sort(),
        }))
        .sort(byName),
    }))
    .sort(byName);
}

/** Polls until the topology read by `current` states the engine's facts, or fails with the last difference. */
export async function expectEventuallyEqual(current: () => Topology, timeoutMs = 5000, docker: DockerCli = hostDocker): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [engine, ours] = [await engineFacts(docker), topologyFacts(current())];
    if (JSON.stringify(engine) === JSON.stringify(ours)) return;
    if (Date.now() > deadline) {
      expect(ours).toEqual(engine);
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
