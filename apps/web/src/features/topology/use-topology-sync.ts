import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { apply, type Topology } from '@bridgeboard/topology';
import { socket } from '../../lib/socket';
import { initialLinkStatus, type LinkStatus } from './link-status';
import { topologyKeys } from './topology-keys';

/**
 * Writes the socket's news into the query cache: a snapshot replaces the topology, a patch with
 * the next rev is applied, any other rev asks for a snapshot (`resync`).
 */
export function useTopologySync(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const setLink = (change: Partial<LinkStatus>) =>
      queryClient.setQueryData<LinkStatus>(topologyKeys.link(), (old) => ({ ...(old ?? initialLinkStatus), ...change }));

    socket.on('connect', () => setLink({ socket: 'connected' }));
    socket.on('disconnect', () => setLink({ socket: 'disconnected' }));
    socket.io.on('reconnect_attempt', () => setLink({ socket: 'connecting' }));
    socket.on('engine', (engine) => setLink({ engine }));
    // One resync at a time: patches that arrive before its snapshot are out of order anyway.
    let resyncing = false;
    socket.on('snapshot', ({ topology }) => {
      resyncing = false;
      queryClient.setQueryData<Topology>(topologyKeys.snapshot(), topology);
    });
    socket.on('patch', (patch) => {
      const current = queryClient.getQueryData<Topology>(topologyKeys.snapshot());
      if (current && patch.rev <= current.rev) return; // already in the snapshot we hold
      if (!current || patch.rev !== current.rev + 1) {
        if (!resyncing) socket.emit('resync');
        resyncing = true;
        return;
      }
      queryClient.setQueryData<Topology>(topologyKeys.snapshot(), apply(current, patch));
    });
    socket.connect();
    return () => {
      socket.removeAllListeners();
      socket.io.off('reconnect_attempt');
      socket.disconnect();
    };
  }, [queryClient]);
}
