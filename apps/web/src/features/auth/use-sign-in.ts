import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginBody } from '@bridgeboard/contract';
import { client, dataOf } from '../../lib/api';
import { startSession } from './me-query';

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['auth', 'login'],
    // The form shows the server's message (bad credentials, or when a lockout ends).
    meta: { silent: true },
    mutationFn: (body: LoginBody) => dataOf(client.POST('/api/auth/login', { body })),
    onSuccess: (me) => startSession(queryClient, me),
  });
}
