import type { EngineContainer, EngineNetwork } from './engine-types.js';
import { containerWithEndpoints, networkFromEngine } from './from-engine.js';
import { swarmRole } from './swarm.js';
import type { Topology } from './types.js';
import { own } from './lookup.js';
import { endpointKey } from './types.js';

/**
 * Pure updates for one engine object, used per event: each returns a new topology sharing every
 * object it did not touch, so `diff` against the old one is cheap and yields only the change.
 */

function withoutEndpoints(t: Topology, match: (networkId: string, containerId: string) => boolean): Topology['endpoints'] {
  const endpoints: Topology['endpoints'] = {};
  for (const [key, e] of Object.entries(t.endpoints)) if (!match(e.networkId, e.containerId)) endpoints[key] = e;
  return endpoints;
}

export function putNetwork(t: Topology, raw: EngineNetwork): Topology {
  return { ...t, networks: { ...t.networks, [raw.Id]: networkFromEngine(raw) } };
}

export function removeNetwork(t: Topology, networkId: string): Topology {
  const { [networkId]: _gone, ...networks } = t.networks;
  const members = Object.fromEntries(Object.entries(t.members).filter(([, m]) => m.networkId !== networkId));
  return { ...t, networks, endpoints: withoutEndpoints(t, (n) => n === networkId), members };
}

export function putContainer(t: Topology, raw: EngineContainer): Topology {
  const { container, endpoints } = containerWithEndpoints(raw, t.networks);
  // Its docker_gwbridge endpoint is not in its own inspect: that network's own read keeps it.
  const isGateway = (n: string) => {
    const network = own(t.networks, n);
    return network !== undefined && swarmRole(network) === 'gateway';
  };
  const next = withoutEndpoints(t, (n, c) => c === container.id && !isGateway(n));
  for (const e of endpoints) {
    const key = endpointKey(e.networkId, e.containerId);
    next[key] = e;
  }
  return { ...t, containers: { ...t.containers, [container.id]: container }, endpoints: next };
}

export function removeContainer(t: Topology, containerId: string): Topology {
  const { [containerId]: _gone, ...containers } = t.containers;
  return { ...t, containers, endpoints: withoutEndpoints(t, (_n, c) => c === containerId) };
}
