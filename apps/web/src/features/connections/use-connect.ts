import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ConnectBody } from '@bridgeboard/contract';
import { findEndpoint } from '@bridgeboard/topology';
import { client, dataOf } from '../../lib/api';
import { waitForTopology } from '../topology/wait-for-topology';
import { connectionKeys } from './connection-keys';
import { useEngineId } from '../engines/engine-selection';

export interface ConnectVariables extends ConnectBody {
  /** Network id. */
  network: string;
  /** Container id (the body's `container` may be a name). */
  containerId: string;
}

/** Connect a container to a network; settles when the board shows the new link. */
export function useConnect() {
  const queryClient = useQueryClient();
  const engine = useEngineId();
  return useMutation({
    mutationKey: connectionKeys.connect(),
    meta: { errorTitle: 'Could not connect' },
    mutationFn: async ({ network, containerId: _id, ...body }: ConnectVariables) => {
      const endpoint = await dataOf(
        client.POST('/api/engines/{engine}/networks/{id}/connections', { params: { path: { engine, id: network } }, body }),
      );
      await waitForTopology(queryClient, engine, (t) => findEndpoint(t, endpoint.networkId, endpoint.containerId) !== undefined);
      return endpoint;
    },
  });
}
