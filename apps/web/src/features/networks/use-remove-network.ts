import { useMutation, useQueryClient } from '@tanstack/react-query';
import { own } from '@bridgeboard/topology';
import { client, dataOf } from '../../lib/api';
import { waitForTopology } from '../topology/wait-for-topology';

export function useRemoveNetwork() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['networks', 'remove'],
    meta: { errorTitle: 'Could not remove the network' },
    mutationFn: async (networkId: string) => {
      await dataOf(client.DELETE('/api/networks/{id}', { params: { path: { id: networkId } } }));
      await waitForTopology(queryClient, (t) => own(t.networks, networkId) === undefined);
    },
  });
}
