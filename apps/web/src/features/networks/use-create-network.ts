import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { NetworkCreateBody } from '@bridgeboard/contract';
import { own } from '@bridgeboard/topology';
import { client, dataOf } from '../../lib/api';
import { waitForTopology } from '../topology/wait-for-topology';
import { useEngineId } from '../engines/engine-selection';

export function useCreateNetwork() {
  const queryClient = useQueryClient();
  const engine = useEngineId();
  return useMutation({
    mutationKey: ['networks', 'create'],
    // The form shows the server's message next to its fields.
    meta: { silent: true },
    mutationFn: async (body: NetworkCreateBody) => {
      const network = await dataOf(client.POST('/api/engines/{engine}/networks', { params: { path: { engine } }, body }));
      await waitForTopology(queryClient, engine, (t) => own(t.networks, network.id) !== undefined);
      return network;
    },
  });
}
