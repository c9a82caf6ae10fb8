import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Settings } from '@bridgeboard/contract';
import { client, dataOf } from '../../lib/api';
import { settingsKeys } from './settings-keys';

/** Admins only; the answer is the settings as now stored. */
export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...settingsKeys.all, 'update'],
    meta: { errorTitle: 'Could not change the settings' },
    mutationFn: (change: Settings) => dataOf(client.PUT('/api/settings', { body: change })),
    onSuccess: (settings) => queryClient.setQueryData(settingsKeys.all, settings),
  });
}
