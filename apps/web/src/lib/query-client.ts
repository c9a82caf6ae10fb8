import { MutationCache, QueryClient } from '@tanstack/react-query';
import { toast } from './toast';
import { ApiError, isUnauthorized } from './api';

/**
 * The one retry policy of every read. A 4xx will answer the same again (401 and 403 above all);
 * network hiccups and 5xx may not. A browser on the Docker host sees every interface Docker adds
 * and aborts in-flight requests with ERR_NETWORK_CHANGED (a TypeError from fetch): quick retries,
 * 200 ms doubling, get past it. Mutations are never retried: a connect whose answer was lost
 * could act twice.
 */
const READ_RETRIES = 3;
const retry = (failures: number, error: Error) => !(error instanceof ApiError && error.statusCode < 500) && failures < READ_RETRIES;
const retryDelay = (attempt: number) => Math.min(200 * 2 ** attempt, 5_000);

/**
 * The socket keeps topology queries fresh, so they never go stale by time. Mutation errors are
 * shown here, once, not in every component (a mutation can opt out with `meta: { silent: true }`).
 * A 401 shows no toast: the app is on its way to the sign-in screen.
 */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: Infinity, refetchOnWindowFocus: false, retry, retryDelay }, mutations: { retry: false } },
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
