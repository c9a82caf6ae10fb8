import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { GrantCreateBody } from '@bridgeboard/contract';
import { client, dataOf } from '../../lib/api';
import { rightsKeys } from './rights-keys';

export function useCreateGrant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...rightsKeys.all, 'create'],
    // The form shows the server's message beside the field it names.
    meta: { silent: true },
    mutationFn: (body: GrantCreateBody) => dataOf(client.POST('/api/grants', { body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: rightsKeys.all }),
  });
}
