import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Snapshot } from '@bridgeboard/contract';
import type { Topology } from '@bridgeboard/topology';
import { get } from '../../lib/api';
import { topologyKeys } from './topology-keys';

/** The topology; first read over REST, then kept equal to the server by socket snapshots and patches. */
export const topologyQuery = queryOptions({
  queryKey: topologyKeys.snapshot(),
  queryFn: async (): Promise<Topology> => (await get<Snapshot>('/api/topology')).topology,
});

export const useTopology = () => useQuery(topologyQuery);
