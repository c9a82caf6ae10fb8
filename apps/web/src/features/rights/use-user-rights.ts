import { queryOptions, useQuery } from '@tanstack/react-query';
import { client, dataOf } from '../../lib/api';
import { rightsKeys } from './rights-keys';

const userRightsQuery = (username: string) =>
  queryOptions({
    queryKey: rightsKeys.ofUser(username),
    queryFn: () => dataOf(client.GET('/api/users/{username}/rights', { params: { path: { username } } })),
    // The answer reads the engines' networks as they are now.
    staleTime: 0,
  });

/** A user's rights per engine; nothing is asked until a user is picked. */
export const useUserRights = (username: string | null) => useQuery({ ...userRightsQuery(username ?? ''), enabled: username !== null });
