import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SetupBody } from '@bridgeboard/contract';
import { client, dataOf } from '../../lib/api';
import { authKeys } from './auth-keys';
import { startSession } from './me-query';

/** Creates the first admin with the setup token from the server log; signs them in. */
export function useSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['auth', 'setup'],
    meta: { silent: true },
    mutationFn: (body: SetupBody) => dataOf(client.POST('/api/auth/setup', { body })),
    onSuccess: (me) => {
      queryClient.setQueryData(authKeys.setup(), { required: false });
      startSession(queryClient, me);
    },
  });
}
