import { queryOptions, useQuery } from '@tanstack/react-query';
import type { EngineState, EngineSummary } from '@bridgeboard/contract';
import { client, dataOf } from '../../lib/api';

export const enginesKeys = {
  all: ['engines'] as const,
};

/** The fleet's engines; their states are kept live by the socket (`engine` events, see below). */
export const enginesQuery = queryOptions({
  queryKey: enginesKeys.all,
  queryFn: async (): Promise<EngineSummary[]> => (await dataOf(client.GET('/api/engines'))).engines,
});

export const useEngines = () => useQuery(enginesQuery);

/** Writes one engine's new state into the cached list (an engine the list does not know yet is fetched with it). */
export function withState(engines: EngineSummary[] | undefined, state: EngineState): EngineSummary[] | undefined {
  if (!engines) return engines;
  const { engine, ...status } = state;
  return engines.map((e) => (e.id === engine ? { ...e, status } : e));
}
