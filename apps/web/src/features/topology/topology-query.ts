import { queryOptions, replaceEqualDeep, useQuery } from '@tanstack/react-query';
import type { Topology } from '@bridgeboard/topology';
import { client, dataOf } from '../../lib/api';
import { queryClient } from '../../lib/query-client';
import { useEngineId } from '../engines/engine-selection';
import { topologyKeys } from './topology-keys';

/**
 * One engine's topology; first read over REST, then kept equal to the server by socket snapshots
 * and patches. The REST answer can land after a newer socket snapshot: the higher rev wins.
 */
export const topologyQuery = (engine: string) =>
  queryOptions({
    queryKey: topologyKeys.snapshot(engine),
    queryFn: async (): Promise<Topology> => {
      const fetched = (await dataOf(client.GET('/api/engines/{engine}/topology', { params: { path: { engine } } }))).topology;
      const cached = queryClient.getQueryData<Topology>(topologyKeys.snapshot(engine));
      if (!cached) return fetched;
      // What is equal keeps the cached objects (the socket's snapshot may have come first): see onSnapshot.
      return cached.rev > fetched.rev ? cached : replaceEqualDeep(cached, fetched);
    },
  });

/** The topology of the engine this tab shows. */
export const useTopology = () => useQuery(topologyQuery(useEngineId()));
