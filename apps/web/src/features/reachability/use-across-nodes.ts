import { useCallback } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Topology } from '@bridgeboard/topology';
import { useEngineId } from '../engines/engine-selection';
import { topologyQuery } from '../topology/topology-query';
import { acrossRows, acrossSources, type AcrossRow } from './across-rows';

/**
 * What `from` reaches on other swarm nodes, with the core's `acrossNodes` (what
 * `GET …/reachability/across-nodes` answers) on the socket-fed topology in the cache: every patch
 * (a new rev) recomputes it, no request and no refetch needed. React Query reruns `select` only
 * when the topology or `from` changes.
 */
export function useAcrossNodes(from: string | null) {
  const select = useCallback((t: Topology): AcrossRow[] => (from ? acrossRows(t, from) : []), [from]);
  return useQuery({ ...topologyQuery(useEngineId()), select });
}

/** The containers "Across nodes" can start from; empty off a swarm. */
export const useAcrossSources = () => useQuery({ ...topologyQuery(useEngineId()), select: acrossSources }).data ?? [];
