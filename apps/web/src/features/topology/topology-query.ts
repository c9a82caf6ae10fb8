import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Topology } from '@bridgeboard/topology';
import { client, dataOf } from '../../lib/api';
import { queryClient } from '../../lib/query-client';
import { topologyKeys } from './topology-keys';

/**
 * The topology; first read over REST, then kept equal to the server by socket snapshots and
 * patches. The REST answer can land after a newer socket snapshot: the higher rev wins.
 */
export const topologyQuery = queryOptions({
  queryKey: topologyKeys.snapshot(),
  queryFn: async (): Promise<Topology> => {
    const fetched = (await dataOf(client.GET('/api/topology'))).topology;
    const cached = queryClient.getQueryData<Topology>(topologyKeys.snapshot());
    return cached && cached.rev > fetched.rev ? cached : fetched;
  },
});

export const useTopology = () => useQuery(topologyQuery);
