import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { Button } from '../../components/ui/button';
import { setUnauthorizedHandler } from '../../lib/api';
import { authKeys } from './auth-keys';
import { endSession, useMe } from './me-query';
import { SessionContext } from './session-context';
import { SignInPage } from './sign-in-page';

/** Timers longer than this fire at once (setTimeout holds a signed 32-bit delay). */
const MAX_TIMER = 2 ** 31 - 1;

/**
 * The whole app behind sign-in: while nobody is signed in only the sign-in page renders, so no
 * page, query or socket runs without a session. A 401 from any request ends the session here.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const { data: me, error, refetch } = useMe();

  useEffect(() => {
    setUnauthorizedHandler(() => endSession(queryClient));
    return () => setUnauthorizedHandler(null);
  }, [queryClient]);

  // Signed out: nothing of the last session stays in memory for the next user of this tab.
  useEffect(() => {
    if (me !== null) return;
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== authKeys.all[0] });
    queryClient.getMutationCache().clear();
  }, [me, queryClient]);

  // Ask again when the session is due to expire, so the sign-in page comes without waiting for a click.
  const expiresAt = me?.expiresAt;
  useEffect(() => {
    if (!expiresAt) return;
    const left = Date.parse(expiresAt) - Date.now();
    if (Number.isNaN(left)) return;
    const timer = setTimeout(
      () => void queryClient.invalidateQueries({ queryKey: authKeys.me() }),
      Math.min(Math.max(left, 0) + 1000, MAX_TIMER),
    );
    return () => clearTimeout(timer);
  }, [expiresAt, queryClient]);

  // A failed background refetch keeps the last answer: only the first one decides between error and app.
  if (me === undefined) {
    return error ? (
      <div role="alert" className="space-y-2 p-6 text-rose-600">
        <p>Could not reach the Bridgeboard server: {error.message}</p>
        <Button onClick={() => void refetch()}>Try again</Button>
      </div>
    ) : (
      <p role="status" className="p-6 text-slate-500">
        Checking your session…
      </p>
    );
  }
  if (!me) return <SignInPage />;
  return <SessionContext.Provider value={me}>{children}</SessionContext.Provider>;
}
