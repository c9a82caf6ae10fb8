import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { PresenceUser } from '@bridgeboard/contract';
import { socket } from '../../lib/socket';
import { presenceKeys } from './presence-query';

/** The server sends the whole list whenever someone comes or goes; it replaces the cached one. */
export function usePresenceSync(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const onPresence = (users: PresenceUser[]) => queryClient.setQueryData(presenceKeys.all, users);
    socket.on('presence', onPresence);
    return () => {
      socket.off('presence', onPresence);
    };
  }, [queryClient]);
}
