import { queryOptions, useQuery } from '@tanstack/react-query';
import { client, dataOf } from '../../lib/api';
import { rightsKeys } from './rights-keys';

const engineNetworksQuery = (engine: string) =>
  queryOptions({
    queryKey: rightsKeys.networks(engine),
    // Only the names, for a picker: the board's own topology cache is left to the socket.
    queryFn: async () => {
      const { topology } = await dataOf(client.GET('/api/engines/{engine}/topology', { params: { path: { engine } } }));
      return Object.values(topology.networks)
        .map((n) => n.name)
        .sort();
    },
  });

/** The names of an engine's networks, as suggestions; none until an engine is picked. */
export const useEngineNetworks = (engine: string) => useQuery({ ...engineNetworksQuery(engine), enabled: engine !== '' });
