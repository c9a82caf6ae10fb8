import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OidcSettingsBody } from '@bridgeboard/contract';
import { client, dataOf } from '../../lib/api';
import { authKeys } from '../auth/auth-keys';
import { ssoKeys } from './sso-keys';

/** Admins only; the server tries the provider before it keeps anything. */
export function useSaveSso() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...ssoKeys.settings(), 'save'],
    // The form shows the server's message, which names the field.
    meta: { silent: true },
    mutationFn: (body: OidcSettingsBody) => dataOf(client.PUT('/api/settings/oidc', { body })),
    onSuccess: async (settings) => {
      queryClient.setQueryData(ssoKeys.settings(), settings);
      // The sign-in page's button follows at once.
      await queryClient.invalidateQueries({ queryKey: authKeys.oidc() });
    },
  });
}
