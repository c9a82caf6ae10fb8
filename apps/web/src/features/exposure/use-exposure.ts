import { useQuery } from '@tanstack/react-query';
import { topologyQuery } from '../topology/topology-query';
import { useEngineId } from '../engines/engine-selection';
import { exposureOf } from './exposure-view';

/**
 * What is published and what to fix, computed in the browser from the live topology with the
 * same pure functions `GET /api/engines/:engine/exposure` uses: every socket patch updates it, no refetch needed.
 * `exposureOf` is module-level, so React Query reruns it only when the topology itself changes.
 */
export const useExposure = () => useQuery({ ...topologyQuery(useEngineId()), select: exposureOf });
