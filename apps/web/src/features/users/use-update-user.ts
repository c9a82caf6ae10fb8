import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UserUpdateBody } from '@bridgeboard/contract';
import { client, dataOf } from '../../lib/api';
import { userKeys } from './user-keys';

/** A new role or a new password for one account. */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...userKeys.all, 'update'],
    meta: { errorTitle: 'Could not change the account' },
    mutationFn: ({ username, ...body }: UserUpdateBody & { username: string }) =>
      dataOf(client.PATCH('/api/users/{username}', { params: { path: { username } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
