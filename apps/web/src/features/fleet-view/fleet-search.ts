import { endpointKey, own, selfNode } from '@bridgeboard/topology';
import { searchHits } from '../search/match-topology';
import { nodeName } from '../swarm/swarm-names';
import { boardLink } from './board-link';
import { orderEngines } from './engine-order';
import type { FleetInput } from './fleet-view';

/** One thing found, and where on which board to see it. */
export interface FleetHit {
  kind: 'network' | 'container' | 'member';
  name: string;
  /** What tells two hits of the same name apart: driver, image, or node and overlay. */
  detail: string;
  to: string;
}

export interface FleetHitGroup {
  engine: string;
  name: string;
  hits: FleetHit[];
}

/**
 * A search of every engine whose topology is known, hits grouped by engine in the groups' order.
 * A member of an overlay is a container on its own node: it is listed there when that node is a
 * registered engine, else once (under the first engine that lists it), linked to its overlay on
 * that engine's board, where its chip hangs. Null for an empty query.
 */
export function fleetSearch(input: FleetInput, query: string): FleetHitGroup[] | null {
  if (!query.trim()) return null;
  const engines = orderEngines(input.engines, input.topologies);
  // The nodes whose own containers are searched here: those of the engines whose topology is known.
  const searchedAddrs = new Set(
    engines.flatMap((e) => {
      const t = input.topologies[e.id];
      const self = t ? selfNode(t) : null;
      return self ? [self.addr] : [];
    }),
  );
  const listedMembers = new Set<string>();
  const groups: FleetHitGroup[] = [];
  for (const e of engines) {
    const t = input.topologies[e.id];
    if (!t) continue;
    const hits: FleetHit[] = [];
    for (const h of searchHits(t, query) ?? []) {
      if (h.kind === 'network') {
        const n = own(t.networks, h.id);
        hits.push({ kind: 'network', name: h.name, detail: n?.driver ?? '', to: boardLink(e.id, { kind: 'network', name: h.name }) });
      } else if (h.kind === 'container') {
        const c = own(t.containers, h.id);
        hits.push({ kind: 'container', name: h.name, detail: c?.image ?? '', to: boardLink(e.id, { kind: 'container', name: h.name }) });
      } else {
        const key = endpointKey(h.member.networkId, h.member.endpointId);
        if (searchedAddrs.has(h.member.nodeAddr) || listedMembers.has(key)) continue;
        listedMembers.add(key);
        const overlay = own(t.networks, h.member.networkId)?.name ?? h.member.networkId;
        hits.push({
          kind: 'member',
          name: h.name,
          detail: `on ${nodeName(t, h.member.nodeAddr)} · ${overlay}`,
          to: boardLink(e.id, { kind: 'network', name: overlay }),
        });
      }
    }
    if (hits.length > 0) groups.push({ engine: e.id, name: e.name, hits });
  }
  return groups;
}
