import { useMutation, useQueryClient } from '@tanstack/react-query';
import { own } from '@bridgeboard/topology';
import { client, dataOf } from '../../lib/api';
import { waitForTopology } from '../topology/wait-for-topology';
import { useEngineId } from '../engines/engine-selection';

export function useRemoveNetwork() {
  const queryClient = useQueryClient();
  const engine = useEngineId();
  return useMutation({
    mutationKey: ['networks', 'remove'],
    meta: { errorTitle: 'Could not remove the network' },
    mutationFn: async (networkId: string) => {
      await dataOf(client.DELETE('/api/engines/{engine}/networks/{id}', { params: { path: { engine, id: networkId } } }));
      await waitForTopology(queryClient, engine, (t) => own(t.networks, networkId) === undefined);
    },
  });
}
