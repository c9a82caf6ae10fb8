import { queryOptions, useQuery } from '@tanstack/react-query';
import { client, dataOf } from '../../lib/api';
import { authKeys } from './auth-keys';

/** Whether the server still waits for its first admin (started without BRIDGEBOARD_ADMIN_PASSWORD). */
export const setupQuery = queryOptions({
  queryKey: authKeys.setup(),
  queryFn: () => dataOf(client.GET('/api/auth/setup')),
});

export const useSetupStatus = () => useQuery(setupQuery);
