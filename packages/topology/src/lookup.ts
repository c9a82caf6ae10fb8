import type { Container, Endpoint, Network, Topology } from './types.js';
import { endpointKey } from './types.js';

/**
 * The entry `table` itself holds under `key`, else undefined. The topology's tables are plain
 * objects (they travel as JSON), and their keys come from users, URLs and the engine: a bare
 * `table[key]` also answers for what every object inherits, so `constructor`, `toString` or
 * `__proto__` would "exist". Every read of a table by a key from outside goes through here.
 */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Finds by exact id, then by name, then by a unique id prefix, the way the docker CLI does. */
function find<T extends { id: string; name: string }>(table: Record<string, T>, ref: string): T | undefined {
  const exact = own(table, ref);
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
  own(t.endpoints, endpointKey(networkId, containerId));

export const endpointsOfNetwork = (t: Topology, networkId: string): Endpoint[] =>
  Object.values(t.endpoints).filter((e) => e.networkId === networkId);

export const endpointsOfContainer = (t: Topology, containerId: string): Endpoint[] =>
  Object.values(t.endpoints).filter((e) => e.containerId === containerId);
