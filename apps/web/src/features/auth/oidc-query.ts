import { queryOptions, useQuery } from '@tanstack/react-query';
import { client, dataOf } from '../../lib/api';
import { authKeys } from './auth-keys';

/** Whether the server offers single sign-on, and the button's text (`OIDC_LABEL`). */
export const oidcQuery = queryOptions({
  queryKey: authKeys.oidc(),
  queryFn: () => dataOf(client.GET('/api/auth/oidc')),
  staleTime: Infinity,
});

export const useOidcStatus = () => useQuery(oidcQuery);
