import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, dataOf } from '../../lib/api';
import { authKeys } from '../auth/auth-keys';
import { ssoKeys } from './sso-keys';

/** Admins only; forgets the provider an admin set, secret and all. */
export function useTurnOffSso() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...ssoKeys.settings(), 'remove'],
    meta: { errorTitle: 'Could not turn single sign-on off' },
    mutationFn: () => dataOf(client.DELETE('/api/settings/oidc')),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ssoKeys.settings() }),
        queryClient.invalidateQueries({ queryKey: authKeys.oidc() }),
      ]),
  });
}
