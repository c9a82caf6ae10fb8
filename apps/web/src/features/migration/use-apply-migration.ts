import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MigrationBody } from '@bridgeboard/contract';
import { client, dataOf } from '../../lib/api';
import { waitForTopology } from '../topology/wait-for-topology';
import { useEngineId } from '../engines/engine-selection';

/** Applies a migration (operator and up). The dialog shows the server's message itself, so no toast. */
export function useApplyMigration() {
  const queryClient = useQueryClient();
  const engine = useEngineId();
  return useMutation({
    mutationKey: ['migrations', 'apply'],
    meta: { silent: true },
    mutationFn: async (body: MigrationBody) => {
      const result = await dataOf(client.POST('/api/engines/{engine}/migrations', { params: { path: { engine } }, body }));
      const name = result.plan.network?.name;
      // The answer can beat the socket's patches: wait so the link to the new network lands on it.
      if (name) await waitForTopology(queryClient, engine, (t) => Object.values(t.networks).some((n) => n.name === name));
      return result;
    },
  });
}
