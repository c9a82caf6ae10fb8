import { queryOptions, useQuery } from '@tanstack/react-query';
import { client, dataOf } from '../../lib/api';
import { authKeys } from './auth-keys';

/** Whether the server offers single sign-on, and the button's text. */
export const oidcQuery = queryOptions({
  queryKey: authKeys.oidc(),
  queryFn: () => dataOf(client.GET('/api/auth/oidc')),
  // An admin may set or turn off the provider without a restart: read again each time the sign-in page shows.
  staleTime: 0,
});

export const useOidcStatus = () => useQuery(oidcQuery);
