import { queryOptions, useQuery } from '@tanstack/react-query';
import { client, dataOf } from '../../lib/api';
import { tokenKeys } from './token-keys';

export const tokensQuery = queryOptions({
  queryKey: tokenKeys.list(),
  queryFn: async () => (await dataOf(client.GET('/api/tokens'))).tokens,
  staleTime: 0,
});

export const useTokens = () => useQuery(tokensQuery);
