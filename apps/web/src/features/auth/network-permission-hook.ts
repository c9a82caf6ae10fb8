import { useCallback } from 'react';
import type { NetworkFacts } from '@bridgeboard/contract';
import { useEngineId } from '../engines/engine-selection';
import { networkPermission, type NetworkAction, type NetworkPermission } from './network-permission';
import { useSession } from './session-context';

/**
 * The signed-in user's rights on the networks of the engine the page shows: a function rather than
 * one answer, so that the board can ask for each of its networks from one hook call.
 */
export function useNetworkPermission(): (action: NetworkAction, network: NetworkFacts, edited?: NetworkFacts) => NetworkPermission {
  const { user } = useSession();
  const engine = useEngineId();
  return useCallback((action, network, edited) => networkPermission(user, engine, action, network, edited), [user, engine]);
}
