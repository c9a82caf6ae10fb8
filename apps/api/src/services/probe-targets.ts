import { findContainer, type Container, type Topology } from '@bridgeboard/topology';

export interface Targets {
  names: string[];
  addresses: string[];
}

const isLive = (c: Container) => c.state === 'running' || c.state === 'paused';

/**
 * Every name and IPv4 address each container answers at, whatever the prediction says: its name,
 * its aliases and DNS names on every network, and its addresses on every network (a `container:X`
 * sharer: X's; a host-mode one: the host's address on every bridge). A probe tries all of them, so
 * a path the model does not know of shows up as a difference instead of going untried. A container
 * that is not running has no address: whatever answers there is someone else.
 */
export function targetsOf(t: Topology): (container: string) => Targets {
  const endpoints = new Map<string, Topology['endpoints'][string][]>();
  for (const e of Object.values(t.endpoints)) endpoints.set(e.containerId, [...(endpoints.get(e.containerId) ?? []), e]);
  // Only a bridge's gateway is the host's own address; another driver's can be a router off this machine.
  const bridges = new Set(
    Object.values(t.networks)
      .filter((n) => n.driver === 'bridge')
      .map((n) => n.id),
  );
  const hostAddresses = [
    ...Object.values(t.networks).flatMap((n) => (bridges.has(n.id) ? n.ipam.config.map((c) => c.gateway) : [])),
    ...Object.values(t.endpoints).flatMap((e) => (bridges.has(e.networkId) ? [e.gateway] : [])),
  ].filter((a): a is string => a !== null && a !== '' && !a.includes(':'));

  const addressesOf = (c: Container, depth: number): string[] => {
    if (!isLive(c)) return [];
    const mode = c.networkMode;
    if (mode.kind === 'host') return hostAddresses;
    if (mode.kind === 'none') return [];
    if (mode.kind === 'container') {
      const owner = findContainer(t, mode.container);
      return owner && depth < 8 ? addressesOf(owner, depth + 1) : [];
    }
    return (endpoints.get(c.id) ?? []).flatMap((e) => (e.ipv4 ? [e.ipv4] : []));
  };
  const cache = new Map<string, Targets>();
  return (name) => {
    let targets = cache.get(name);
    if (!targets) {
      const c = findContainer(t, name);
      const own = c ? (endpoints.get(c.id) ?? []).flatMap((e) => [...e.aliases, ...e.dnsNames]) : [];
      targets = { names: [...new Set([name, ...own])], addresses: c ? [...new Set(addressesOf(c, 0))] : [] };
      cache.set(name, targets);
    }
    return targets;
  };
}
