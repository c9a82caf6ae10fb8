import { queryOptions, useQuery } from '@tanstack/react-query';
import { client, dataOf } from '../../lib/api';
import { ssoKeys } from './sso-keys';

/** The single sign-on provider in use, for admins; never its client secret. */
export const ssoSettingsQuery = queryOptions({
  queryKey: ssoKeys.settings(),
  queryFn: () => dataOf(client.GET('/api/settings/oidc')),
  // Another admin may change it, and the socket says nothing about settings: read again on each page.
  staleTime: 0,
});

export const useSsoSettings = () => useQuery(ssoSettingsQuery);
