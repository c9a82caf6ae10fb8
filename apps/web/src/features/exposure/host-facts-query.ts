import { queryOptions, useQuery } from '@tanstack/react-query';
import type { HostFactsResponse } from '@bridgeboard/contract';
import { client, dataOf } from '../../lib/api';

export const hostFactsKeys = {
  all: ['host-facts'] as const,
  of: (engine: string) => [...hostFactsKeys.all, engine] as const,
};

/**
 * The engine host's uplink and routes, which the capacity lints weigh the live topology against;
 * null when the server cannot see that host. The socket says nothing about them and they seldom
 * change: read again after a minute, when the page is opened.
 */
export const hostFactsQuery = (engine: string) =>
  queryOptions({
    queryKey: hostFactsKeys.of(engine),
    queryFn: async (): Promise<HostFactsResponse['host']> =>
      (await dataOf(client.GET('/api/engines/{engine}/exposure/host-facts', { params: { path: { engine } } }))).host,
    staleTime: 60_000,
  });

export const useHostFacts = (engine: string) => useQuery(hostFactsQuery(engine));
