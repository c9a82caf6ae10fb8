import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EngineBody, EngineUpdateBody } from '@bridgeboard/contract';
import { client, dataOf } from '../../lib/api';
import { enginesKeys } from './engines-query';

/** Asks an engine whether it answers, without adding it (admin). */
export function useTestEngine() {
  return useMutation({
    mutationKey: [...enginesKeys.all, 'test'],
    meta: { silent: true },
    mutationFn: (body: EngineBody) => dataOf(client.POST('/api/engines/test', { body })),
  });
}

/** Adds an engine (admin); the form shows the server's refusal itself. */
export function useAddEngine() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...enginesKeys.all, 'add'],
    meta: { silent: true },
    mutationFn: (body: EngineBody) => dataOf(client.POST('/api/engines', { body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: enginesKeys.all }),
  });
}

/** A new name, address or keys for an engine an admin added; the form shows the server's refusal itself. */
export function useUpdateEngine() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...enginesKeys.all, 'update'],
    meta: { silent: true },
    mutationFn: ({ id, body }: { id: string; body: EngineUpdateBody }) =>
      dataOf(client.PUT('/api/engines/{engine}', { params: { path: { engine: id } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: enginesKeys.all }),
  });
}

export function useRemoveEngine() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...enginesKeys.all, 'remove'],
    meta: { errorTitle: 'Could not remove the engine' },
    mutationFn: (engine: string) => dataOf(client.DELETE('/api/engines/{engine}', { params: { path: { engine } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: enginesKeys.all }),
  });
}
