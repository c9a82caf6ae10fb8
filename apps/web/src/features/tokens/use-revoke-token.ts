import { useMutation, useQueryClient } from '@tanstack/react-query';
import { mutate } from '../../lib/api';
import { tokenKeys } from './token-keys';

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...tokenKeys.all, 'revoke'],
    meta: { errorTitle: 'Could not revoke the token' },
    mutationFn: (id: string) => mutate<undefined>('DELETE', `/api/tokens/${encodeURIComponent(id)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}
