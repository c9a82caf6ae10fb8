import { MutationCache, QueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { ApiError, isUnauthorized } from './api';

/** A 4xx will answer the same again (401 and 403 above all); network hiccups and 5xx may not. */
const retry = (failures: number, error: Error) => !(error instanceof ApiError && error.statusCode < 500) && failures < 2;

/**
 * The socket keeps topology queries fresh, so they never go stale by time. Mutation errors are
 * shown here, once, not in every component (a mutation can opt out with `meta: { silent: true }`).
 * A 401 shows no toast: the app is on its way to the sign-in screen.
 */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: Infinity, refetchOnWindowFocus: false, retry } },
  mutationCache: new MutationCache({
    onError: (error, _vars, _ctx, mutation) => {
      if (mutation.meta?.silent || isUnauthorized(error)) return;
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
