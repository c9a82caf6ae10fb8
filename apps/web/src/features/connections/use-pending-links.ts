import { useMutationState } from '@tanstack/react-query';
import { useMemo } from 'react';
import { endpointKey } from '@bridgeboard/topology';
import { connectionKeys } from './connection-keys';
import type { ConnectVariables } from './use-connect';
import type { DisconnectVariables } from './use-disconnect';

/** Links with a request in flight, by endpoint key: drawn as pending until the patch lands. */
export function usePendingLinks(): { connecting: Set<string>; disconnecting: Set<string> } {
  const connecting = useMutationState({
    filters: { mutationKey: connectionKeys.connect(), status: 'pending' },
    select: (m) => {
      const v = m.state.variables as ConnectVariables | undefined;
      return v ? endpointKey(v.network, v.containerId) : '';
    },
  });
  const disconnecting = useMutationState({
    filters: { mutationKey: connectionKeys.disconnect(), status: 'pending' },
    select: (m) => {
      const v = m.state.variables as DisconnectVariables | undefined;
      return v ? endpointKey(v.network, v.container) : '';
    },
  });
  // New arrays every render; the same contents must give the same object, or the board redraws.
  const key = `${connecting.join()}|${disconnecting.join()}`;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by content on purpose
  return useMemo(() => ({ connecting: new Set(connecting), disconnecting: new Set(disconnecting) }), [key]);
}
