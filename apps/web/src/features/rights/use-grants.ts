import { queryOptions, useQuery } from '@tanstack/react-query';
import { client, dataOf } from '../../lib/api';
import { rightsKeys } from './rights-keys';

export const grantsQuery = queryOptions({
  queryKey: rightsKeys.grants(),
  queryFn: async () => (await dataOf(client.GET('/api/grants'))).grants,
  // Other admins grant too; the socket says nothing about grants.
  staleTime: 0,
});

export const useGrants = () => useQuery(grantsQuery);
