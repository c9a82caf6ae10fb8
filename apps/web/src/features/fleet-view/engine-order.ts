import type { EngineSummary } from '@bridgeboard/contract';
import { selfNode, type Topology } from '@bridgeboard/topology';

/**
 * The engines in the order their groups are drawn: as listed, except that a swarm's engines stand
 * together (its manager first) where the first of them stands, so an overlay's bar crosses its own
 * swarm's groups and no other. A worker's summary has no cluster id (a worker's `/info` does not
 * say it): the manager's node list says which engines are its nodes.
 */
export function orderEngines(engines: EngineSummary[], topologies: Record<string, Topology | undefined>): EngineSummary[] {
  const nodeId = (e: EngineSummary) => {
    const t = topologies[e.id];
    return e.swarm?.nodeId ?? (t ? selfNode(t)?.id : undefined);
  };
  const swarms = engines.flatMap((manager) => {
    const t = topologies[manager.id];
    if (manager.swarm?.role !== 'manager' || !t) return [];
    const nodes = new Set(Object.keys(t.nodes));
    const rest = engines.filter((e) => e.id !== manager.id && nodes.has(nodeId(e) ?? ''));
    return [[manager, ...rest]];
  });
  const placed = new Set<string>();
  const out: EngineSummary[] = [];
  for (const e of engines) {
    const together = swarms.find((s) => s.includes(e)) ?? [e];
    for (const x of together) {
      if (placed.has(x.id)) continue;
      placed.add(x.id);
      out.push(x);
    }
  }
  return out;
}
