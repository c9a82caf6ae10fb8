import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProbeBody, ProbeResponse } from '@bridgeboard/contract';
import { ApiError, mutate } from '../../lib/api';
import { settingsKeys } from '../settings/settings-keys';

/** Runs the live probes (operator+); a 409 means an admin turned them off meanwhile, so the settings are read again. */
export function useProbe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['reachability', 'probe'],
    meta: { errorTitle: 'The live check failed' },
    mutationFn: (body: ProbeBody) => mutate<ProbeResponse>('POST', '/api/reachability/probe', body),
    onError: (err) => {
      if (err instanceof ApiError && err.statusCode === 409) void queryClient.invalidateQueries({ queryKey: settingsKeys.all });
    },
  });
}
