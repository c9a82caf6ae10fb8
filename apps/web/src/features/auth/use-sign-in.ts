import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginBody, MeResponse } from '@bridgeboard/contract';
import { mutate } from '../../lib/api';
import { startSession } from './me-query';

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['auth', 'login'],
    // The form shows the server's message (bad credentials, or when a lockout ends).
    meta: { silent: true },
    mutationFn: (body: LoginBody) => mutate<MeResponse>('POST', '/api/auth/login', body),
    onSuccess: (me) => startSession(queryClient, me),
  });
}
