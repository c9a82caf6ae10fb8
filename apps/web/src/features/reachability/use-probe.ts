import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProbeBody } from '@bridgeboard/contract';
import { ApiError, client, dataOf } from '../../lib/api';
import { settingsKeys } from '../settings/settings-keys';
import { useEngineId } from '../engines/engine-selection';

/** Runs the live probes (operator+); a 409 means an admin turned them off meanwhile, so the settings are read again. */
export function useProbe() {
  const queryClient = useQueryClient();
  const engine = useEngineId();
  return useMutation({
    mutationKey: ['reachability', 'probe'],
    meta: { errorTitle: 'The live check failed' },
    mutationFn: (body: ProbeBody) =>
      dataOf(client.POST('/api/engines/{engine}/reachability/probe', { params: { path: { engine } }, body })),
    onError: (err) => {
      if (err instanceof ApiError && err.statusCode === 409) void queryClient.invalidateQueries({ queryKey: settingsKeys.all });
    },
  });
}
