import { endpointKey, findEndpoint, own, reachability, type Topology } from '@bridgeboard/topology';
import { markOf, type ReachMark } from './reach-mark';

export interface ChipReach {
  mark: ReachMark | 'self';
  reason: string;
  explanation: string;
}

/** The board's "reach from X" view: a mark per container, and the bridges and links some path uses. */
export interface ReachView {
  from: string;
  /** By container id. */
  chips: Map<string, ChipReach>;
  /** Network ids some reachable pair goes through, and the selected container's own. */
  networks: Set<string>;
  /** Endpoint keys on those paths: the selected container's links, and each target's link on a network it is reached through. */
  endpoints: Set<string>;
}

/**
 * One pass of the core for one source, O(containers × endpoints): done once per selection or
 * topology change, never per chip, so a board of hundreds stays quick.
 */
export function reachFrom(t: Topology, fromId: string): ReachView | null {
  const from = own(t.containers, fromId);
  if (!from) return null;
  const idByName = new Map(Object.values(t.containers).map((c) => [c.name, c.id]));
  const netByName = new Map(Object.values(t.networks).map((n) => [n.name, n.id]));
  const chips = new Map<string, ChipReach>([
    [
      fromId,
      { mark: 'self', reason: 'self', explanation: `Reach from ${from.name}: the marks on the other chips say how it reaches them` },
    ],
  ]);
  const networks = new Set<string>();
  const endpoints = new Set<string>();
  // Its own bridges stay lit even where nothing else is reached: that is still where it lives.
  for (const [key, e] of Object.entries(t.endpoints)) {
    if (e.containerId !== fromId) continue;
    networks.add(e.networkId);
    endpoints.add(key);
  }
  for (const pair of reachability(t, { from: fromId })) {
    const toId = idByName.get(pair.to);
    if (!toId) continue;
    chips.set(toId, { mark: markOf(pair), reason: pair.reason, explanation: pair.explanation });
    for (const name of pair.networks) {
      const networkId = netByName.get(name);
      if (!networkId) continue;
      networks.add(networkId);
      if (findEndpoint(t, networkId, toId)) endpoints.add(endpointKey(networkId, toId));
    }
  }
  return { from: from.name, chips, networks, endpoints };
}
