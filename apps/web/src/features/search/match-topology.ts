import { type OverlayMember, type Topology } from '@bridgeboard/topology';
import { memberNodeId } from '../board/member-elements';
import { remoteMembers } from '../board/remote-members';
import { memberName } from '../swarm/swarm-names';

/** One thing a search names directly, before its neighbours are lit with it. */
export type SearchHit =
  | { kind: 'network'; id: string; name: string }
  | { kind: 'container'; id: string; name: string }
  /** An endpoint on an overlay that runs on another node: its chip's id, and the member. */
  | { kind: 'member'; id: string; name: string; member: OverlayMember };

/**
 * What a search names in one topology: networks and containers by name, label (`key` or
 * `key=value`), image or compose project, and the members of its overlays on other nodes by name
 * (as `docker service ps` names a task, or the container's own) or service. Null for an empty query.
 */
export function searchHits(t: Topology, query: string): SearchHit[] | null {
  const q = query.trim().toLowerCase();
  if (!q) return null;
  const [key, value] = q.includes('=') ? q.split('=', 2) : [q, undefined];
  const labelHit = (labels: Record<string, string>) =>
    Object.entries(labels).some(([k, v]) =>
      value === undefined ? k.toLowerCase().includes(q) : k.toLowerCase() === key && v.toLowerCase().includes(value),
    );
  const hits: SearchHit[] = [];
  for (const n of Object.values(t.networks)) {
    if (n.name.toLowerCase().includes(q) || labelHit(n.labels)) hits.push({ kind: 'network', id: n.id, name: n.name });
  }
  for (const c of Object.values(t.containers)) {
    if (
      c.name.toLowerCase().includes(q) ||
      c.image.toLowerCase().includes(q) ||
      c.composeProject?.toLowerCase().includes(q) ||
      labelHit(c.labels)
    )
      hits.push({ kind: 'container', id: c.id, name: c.name });
  }
  // The full task name holds the service's; a member has no labels or image to match.
  for (const [memberKey, m] of remoteMembers(t)) {
    if (m.name.toLowerCase().includes(q)) hits.push({ kind: 'member', id: memberNodeId(memberKey), name: memberName(m), member: m });
  }
  return hits;
}

/**
 * Ids of networks, containers and member chips that match a search. A match on a network keeps
 * its containers lit (its members follow their overlay on the board), and a container's match
 * keeps its networks lit. A member's match lights that chip alone: lighting its overlay would
 * light every other member on it.
 */
export function matchTopology(t: Topology, query: string): Set<string> | null {
  const hits = searchHits(t, query);
  if (hits === null) return null;
  const ids = new Set(hits.map((h) => h.id));
  const lit = new Set(ids);
  for (const e of Object.values(t.endpoints)) {
    if (ids.has(e.networkId)) lit.add(e.containerId);
    if (ids.has(e.containerId)) lit.add(e.networkId);
  }
  return lit;
}
