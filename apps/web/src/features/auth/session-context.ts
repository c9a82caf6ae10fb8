import { createContext, useContext } from 'react';
import type { MeResponse } from '@bridgeboard/contract';

/**
 * The signed-in user, handed down by the AuthGate. A context rather than each component reading
 * the `me` query: a component re-rendering for its own reasons would read the cache's null at
 * sign-out before the gate has unmounted it.
 */
export const SessionContext = createContext<MeResponse | null>(null);

export function useSession(): MeResponse {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the AuthGate');
  return session;
}
