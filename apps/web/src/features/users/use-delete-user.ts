import { useMutation, useQueryClient } from '@tanstack/react-query';
import { mutate } from '../../lib/api';
import { userKeys } from './user-keys';

export function useDeleteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...userKeys.all, 'delete'],
    meta: { errorTitle: 'Could not delete the account' },
    mutationFn: (username: string) => mutate<undefined>('DELETE', `/api/users/${encodeURIComponent(username)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
