import { MutationCache, QueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';

/**
 * The socket keeps topology queries fresh, so they never go stale by time. Mutation errors are
 * shown here, once, not in every component (a mutation can opt out with `meta: { silent: true }`).
 */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: Infinity, refetchOnWindowFocus: false, retry: 2 } },
  mutationCache: new MutationCache({
    onError: (error, _vars, _ctx, mutation) => {
      if (mutation.meta?.silent) return;
      const title = typeof mutation.meta?.errorTitle === 'string' ? mutation.meta.errorTitle : 'The engine refused';
      toast.error(title, { description: error.message });
    },
  }),
});

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: { errorTitle?: string; silent?: boolean };
  }
}
