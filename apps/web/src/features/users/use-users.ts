import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UserList } from '@bridgeboard/contract';
import { get } from '../../lib/api';
import { userKeys } from './user-keys';

export const usersQuery = queryOptions({
  queryKey: userKeys.list(),
  queryFn: async () => (await get<UserList>('/api/users')).users,
  // Other admins may change accounts too; the socket says nothing about users.
  staleTime: 0,
});

export const useUsers = () => useQuery(usersQuery);
