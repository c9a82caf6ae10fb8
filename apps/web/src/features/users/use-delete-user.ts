import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, dataOf } from '../../lib/api';
import { userKeys } from './user-keys';

export function useDeleteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...userKeys.all, 'delete'],
    meta: { errorTitle: 'Could not delete the account' },
    mutationFn: (username: string) => dataOf(client.DELETE('/api/users/{username}', { params: { path: { username } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
