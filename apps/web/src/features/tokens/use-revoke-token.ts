import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, dataOf } from '../../lib/api';
import { tokenKeys } from './token-keys';

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...tokenKeys.all, 'revoke'],
    meta: { errorTitle: 'Could not revoke the token' },
    mutationFn: (id: string) => dataOf(client.DELETE('/api/tokens/{id}', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}
