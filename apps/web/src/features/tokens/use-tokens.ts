import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TokenList } from '@bridgeboard/contract';
import { get } from '../../lib/api';
import { tokenKeys } from './token-keys';

export const tokensQuery = queryOptions({
  queryKey: tokenKeys.list(),
  queryFn: async () => (await get<TokenList>('/api/tokens')).tokens,
  staleTime: 0,
});

export const useTokens = () => useQuery(tokensQuery);
