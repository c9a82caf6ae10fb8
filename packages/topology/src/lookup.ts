import type { Container, Endpoint, Network, Topology } from './types.js';
import { endpointKey } from './types.js';

/** Finds by exact id, then by name, then by a unique id prefix, the way the docker CLI does. */
function find<T extends { id: string; name: string }>(table: Record<string, T>, ref: string): T | undefined {
  const exact = table[ref];
  if (exact) return exact;
  const all = Object.values(table);
  const named = all.find((x) => x.name === ref);
  if (named) return named;
  const prefixed = all.filter((x) => x.id.startsWith(ref));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

export const findNetwork = (t: Topology, ref: string): Network | undefined => find(t.networks, ref);
export const findContainer = (t: Topology, ref: string): Container | undefined => find(t.containers, ref);
export const findEndpoint = (t: Topology, networkId: string, containerId: string): Endpoint | undefined =>
  t.endpoints[endpointKey(networkId, containerId)];

export const endpointsOfNetwork = (t: Topology, networkId: string): Endpoint[] =>
  Object.values(t.endpoints).filter((e) => e.networkId === networkId);

export const endpointsOfContainer = (t: Topology, containerId: string): Endpoint[] =>
  Object.values(t.endpoints).filter((e) => e.containerId === containerId);
