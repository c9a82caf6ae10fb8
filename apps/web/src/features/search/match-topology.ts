import type { Topology } from '@bridgeboard/topology';

/**
 * Ids of networks and containers that match a search: by name, label (`key` or `key=value`), or
 * compose project. A match on a network keeps its containers lit, and the other way round.
 */
export function matchTopology(t: Topology, query: string): Set<string> | null {
  const q = query.trim().toLowerCase();
  if (!q) return null;
  const [key, value] = q.includes('=') ? q.split('=', 2) : [q, undefined];
  const labelHit = (labels: Record<string, string>) =>
    Object.entries(labels).some(([k, v]) =>
      value === undefined ? k.toLowerCase().includes(q) : k.toLowerCase() === key && v.toLowerCase().includes(value),
    );
  const hits = new Set<string>();
  for (const n of Object.values(t.networks)) if (n.name.toLowerCase().includes(q) || labelHit(n.labels)) hits.add(n.id);
  for (const c of Object.values(t.containers)) {
    if (
      c.name.toLowerCase().includes(q) ||
      c.image.toLowerCase().includes(q) ||
      c.composeProject?.toLowerCase().includes(q) ||
      labelHit(c.labels)
    )
      hits.add(c.id);
  }
  const lit = new Set(hits);
  for (const e of Object.values(t.endpoints)) {
    if (hits.has(e.networkId)) lit.add(e.containerId);
    if (hits.has(e.containerId)) lit.add(e.networkId);
  }
  return lit;
}
