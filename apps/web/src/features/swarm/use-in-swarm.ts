import { useQuery } from '@tanstack/react-query';
import type { Topology } from '@bridgeboard/topology';
import { useEngineId } from '../engines/engine-selection';
import { topologyQuery } from '../topology/topology-query';

const hasNodes = (t: Topology) => Object.keys(t.nodes).length > 0;

/** Whether the engine this tab shows is a swarm node; false until its topology is known. */
export function useInSwarm(): boolean {
  return useQuery({ ...topologyQuery(useEngineId()), select: hasNodes }).data ?? false;
}
