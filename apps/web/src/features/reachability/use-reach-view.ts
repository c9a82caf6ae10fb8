import { useMemo } from 'react';
import type { Topology } from '@bridgeboard/topology';
import { reachFrom, type ReachView } from './reach-from';

/** The board's "reach from" view, computed once per selection or topology change. */
export function useReachView(topology: Topology | undefined, containerId: string | null, on: boolean): ReachView | null {
  return useMemo(() => (topology && containerId && on ? reachFrom(topology, containerId) : null), [topology, containerId, on]);
}
