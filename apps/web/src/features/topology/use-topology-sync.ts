import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { receivePatch, type Topology } from '@bridgeboard/topology';
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
      const received = receivePatch(queryClient.getQueryData<Topology>(topologyKeys.snapshot()), patch);
      if (received.kind === 'apply') queryClient.setQueryData<Topology>(topologyKeys.snapshot(), received.topology);
      if (received.kind === 'resync' && !resyncing) {
        resyncing = true;
        socket.emit('resync');
      }
    });
    socket.connect();
    return () => {
      socket.removeAllListeners();
      socket.io.off('reconnect_attempt');
      socket.disconnect();
    };
  }, [queryClient]);
}
