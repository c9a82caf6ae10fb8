import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Topology } from '@bridgeboard/topology';
import { topologyQuery } from '../topology/topology-query';
import { useEngineId } from '../engines/engine-selection';
import { exposureOf } from './exposure-view';
import { useHostFacts } from './host-facts-query';

/**
 * What is published and what to fix, computed in the browser from the live topology with the
 * same pure functions `GET /api/engines/:engine/exposure` uses: every socket patch updates it, no refetch needed.
 * The host's facts join once read; until then (or when the server cannot see the host, or
 * failed to say) the lints that need them are left out, the others are shown at once.
 * `select` changes only with the host's facts, so React Query reruns it only when they or the topology change.
 */
export function useExposure() {
  const engine = useEngineId();
  const host = useHostFacts(engine).data ?? undefined;
  const select = useCallback((t: Topology) => exposureOf(t, host), [host]);
  return useQuery({ ...topologyQuery(engine), select });
}
