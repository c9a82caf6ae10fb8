import { queryOptions, useQuery } from '@tanstack/react-query';
import { client, dataOf } from '../../lib/api';
import { userKeys } from './user-keys';

export const usersQuery = queryOptions({
  queryKey: userKeys.list(),
  queryFn: async () => (await dataOf(client.GET('/api/users'))).users,
  // Other admins may change accounts too; the socket says nothing about users.
  staleTime: 0,
});

export const useUsers = () => useQuery(usersQuery);
