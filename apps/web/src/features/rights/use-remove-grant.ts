import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, dataOf } from '../../lib/api';
import { rightsKeys } from './rights-keys';

export function useRemoveGrant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...rightsKeys.all, 'remove'],
    meta: { errorTitle: 'Could not remove the grant' },
    mutationFn: (id: string) => dataOf(client.DELETE('/api/grants/{id}', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: rightsKeys.all }),
  });
}
