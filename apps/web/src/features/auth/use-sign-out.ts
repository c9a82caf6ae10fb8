import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, dataOf } from '../../lib/api';
import { endSession } from './me-query';

/** Signs out on the server; the browser forgets the session whatever the answer (it may have expired already). */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['auth', 'logout'],
    meta: { errorTitle: 'Sign-out failed on the server' },
    mutationFn: () => dataOf(client.POST('/api/auth/logout')),
    onSettled: () => endSession(queryClient),
    // A single sign-on session: the provider's session ends too (RP-initiated logout).
    onSuccess: (answer) => {
      if (answer && typeof answer === 'object' && 'endSessionUrl' in answer) window.location.assign(answer.endSessionUrl);
    },
  });
}
