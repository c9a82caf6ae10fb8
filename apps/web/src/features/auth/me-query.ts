import { useCallback } from 'react';
import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { MeResponse } from '@bridgeboard/contract';
import { client, dataOf, isUnauthorized, setCsrfToken } from '../../lib/api';
import { authKeys } from './auth-keys';

/** Who is signed in; null when nobody is (the server answered 401). */
export const meQuery = queryOptions({
  queryKey: authKeys.me(),
  queryFn: async (): Promise<MeResponse | null> => {
    try {
      const me = await dataOf(client.GET('/api/auth/me'));
      setCsrfToken(me.csrfToken);
      return me;
    } catch (err) {
      if (!isUnauthorized(err)) throw err;
      setCsrfToken(null);
      return null;
    }
  },
  // Asked again whenever the tab comes back: the session may have expired, or an admin changed the role.
  refetchOnWindowFocus: 'always',
});

export const useMe = () => useQuery(meQuery);

/** A sign-in or setup answer starts the session without another round trip. */
export function startSession(queryClient: QueryClient, me: MeResponse): void {
  setCsrfToken(me.csrfToken);
  queryClient.setQueryData(authKeys.me(), me);
}

/** Back to the sign-in screen; the AuthGate then drops every other cached query. */
export function endSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.setQueryData(authKeys.me(), null);
}

/** Asks the server again who is signed in (after a refused socket, say); resolves to the answer. */
export function useRecheckSession(): () => Promise<MeResponse | null> {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.query({ ...meQuery, staleTime: 0 }), [queryClient]);
}
