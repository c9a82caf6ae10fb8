import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UserCreateBody } from '@bridgeboard/contract';
import { client, dataOf } from '../../lib/api';
import { userKeys } from './user-keys';

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...userKeys.all, 'create'],
    // The form shows the server's message (a taken name, say).
    meta: { silent: true },
    mutationFn: (body: UserCreateBody) => dataOf(client.POST('/api/users', { body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
