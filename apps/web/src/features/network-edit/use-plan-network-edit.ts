import { useMutation } from '@tanstack/react-query';
import type { NetworkEditBody } from '@bridgeboard/contract';
import type { NetworkEditPlan } from '@bridgeboard/topology';
import { client, dataOf } from '../../lib/api';
import { useEngineId } from '../engines/engine-selection';
import { networkEditKeys } from './network-edit-keys';

/**
 * Asks the server for the plan of an edit (`POST …/networks/:id/edit/plan`: it changes nothing,
 * any signed-in user may ask; a POST because the request is a body). Asked when the user submits
 * the form, changes the address policy or reviews again after a refused apply: never on its own,
 * since the plan the user reads is the one Apply is bound to.
 */
export function usePlanNetworkEdit(networkId: string) {
  const engine = useEngineId();
  return useMutation({
    mutationKey: networkEditKeys.plan(engine),
    // The dialog shows the server's refusal where it was asked: under the form, or over the plan.
    meta: { silent: true },
    mutationFn: async (body: NetworkEditBody): Promise<NetworkEditPlan> =>
      dataOf(
        client.POST('/api/engines/{engine}/networks/{id}/edit/plan', {
          params: { path: { engine, id: networkId } },
          body,
        }),
      ),
  });
}
