import { queryOptions, useQuery } from '@tanstack/react-query';
import { client, dataOf } from '../../lib/api';
import { settingsKeys } from './settings-keys';

export const settingsQuery = queryOptions({
  queryKey: settingsKeys.all,
  queryFn: () => dataOf(client.GET('/api/settings')),
  // Another admin may flip a setting and the socket says nothing about settings: read again on each page.
  staleTime: 0,
});

export const useSettings = () => useQuery(settingsQuery);
