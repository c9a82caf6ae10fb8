import { useQuery } from '@tanstack/react-query';
import { exposure, lints, type ExposedPort, type Lint, type Topology } from '@bridgeboard/topology';
import { topologyQuery } from '../topology/topology-query';
import { useEngineId } from '../engines/engine-selection';

export interface Exposure {
  ports: ExposedPort[];
  lints: Lint[];
}

/** Module-level so React Query memoises it: recomputed only when the topology itself changes. */
const derive = (t: Topology): Exposure => ({ ports: exposure(t), lints: lints(t) });

/**
 * What is published and what to fix, computed in the browser from the live topology with the
 * same pure functions `GET /api/engines/:engine/exposure` uses: every socket patch updates it, no refetch needed.
 */
export const useExposure = () => useQuery({ ...topologyQuery(useEngineId()), select: derive });
