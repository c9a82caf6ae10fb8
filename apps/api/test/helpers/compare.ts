import { expect } from 'vitest';
import type { Topology } from '@bridgeboard/topology';
import { docker, type EngineNetworkInspect } from './engine.js';

/**
 * The facts `docker network inspect` (and, for aliases, `docker inspect`) states about every
 * network, in one comparable shape; and the same facts read from a topology.
 */
export interface NetworkFacts {
  name: string;
  driver: string;
  subnets: string[];
  containers: { name: string; ipv4: string; aliases: string[] }[];
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

export async function engineFacts(): Promise<NetworkFacts[]> {
  const ids = (await docker('network', 'ls', '-q')).split('\n').filter(Boolean);
  const networks = JSON.parse(await docker('network', 'inspect', ...ids)) as EngineNetworkInspect[];
  const containerIds = [...new Set(networks.flatMap((n) => Object.keys(n.Containers)))];
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
  return networks
    .map((n) => ({
      name: n.Name,
      driver: n.Driver,
      subnets: (n.IPAM.Config ?? []).map((c) => c.Subnet).sort(),
      containers: Object.entries(n.Containers)
        .map(([id, c]) => ({ name: c.Name, ipv4: c.IPv4Address, aliases: aliases(id, n.Name) }))
        .sort(byName),
    }))
    .sort(byName);
}

export function topologyFacts(t: Topology): NetworkFacts[] {
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
export async function expectEventuallyEqual(current: () => Topology, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [engine, ours] = [await engineFacts(), topologyFacts(current())];
    if (JSON.stringify(engine) === JSON.stringify(ours)) return;
    if (Date.now() > deadline) {
      expect(ours).toEqual(engine);
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
