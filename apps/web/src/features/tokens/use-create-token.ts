import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TokenCreateBody } from '@bridgeboard/contract';
import { client, dataOf } from '../../lib/api';
import { tokenKeys } from './token-keys';

/** Answers with the secret, the only time it is ever shown; the list keeps only its metadata. */
export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...tokenKeys.all, 'create'],
    meta: { silent: true },
    mutationFn: (body: TokenCreateBody) => dataOf(client.POST('/api/tokens', { body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}
