import { useMutation, useQueryClient } from '@tanstack/react-query';
import { findEndpoint } from '@bridgeboard/topology';
import { client, dataOf } from '../../lib/api';
import { waitForTopology } from '../topology/wait-for-topology';
import { connectionKeys } from './connection-keys';
import { useEngineId } from '../engines/engine-selection';

export interface DisconnectVariables {
  /** Network id. */
  network: string;
  /** Container id. */
  container: string;
  force?: boolean;
}

/** Disconnect a container from a network; settles when the board no longer shows the link. */
export function useDisconnect() {
  const queryClient = useQueryClient();
  const engine = useEngineId();
  return useMutation({
    mutationKey: connectionKeys.disconnect(),
    meta: { errorTitle: 'Could not disconnect' },
    mutationFn: async ({ network, container, force }: DisconnectVariables) => {
      await dataOf(
        client.DELETE('/api/engines/{engine}/networks/{id}/connections/{container}', {
          params: { path: { engine, id: network, container }, query: { force } },
        }),
      );
      await waitForTopology(queryClient, engine, (t) => findEndpoint(t, network, container) === undefined);
    },
  });
}
