import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Snapshot, EngineStatus } from '@bridgeboard/contract';
import { receivePatch, type Patch, type Topology } from '@bridgeboard/topology';
import { socket } from '../../lib/socket';
import { initialLinkStatus, type LinkStatus } from './link-status';
import { topologyKeys } from './topology-keys';

/**
 * Connects the socket (only ever mounted for a signed-in user, so a sign-out disconnects it) and
 * writes its news into the query cache: a snapshot replaces the topology, a patch with the next
 * rev is applied, any other rev asks for a snapshot (`resync`). Other hooks add their own
 * listeners to the same socket; each removes only its own.
 */
export function useTopologySync(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const setLink = (change: Partial<LinkStatus>) =>
      queryClient.setQueryData<LinkStatus>(topologyKeys.link(), (old) => ({ ...(old ?? initialLinkStatus), ...change }));

    const onConnect = () => setLink({ socket: 'connected' });
    const onDisconnect = () => setLink({ socket: 'disconnected' });
    // A refused handshake is not retried by socket.io (`active` is false); a transport error is.
    const onConnectError = () => {
      if (!socket.active) setLink({ socket: 'disconnected' });
    };
    const onReconnectAttempt = () => setLink({ socket: 'connecting' });
    const onEngine = (engine: EngineStatus) => setLink({ engine });
    // One resync at a time: patches that arrive before its snapshot are out of order anyway.
    let resyncing = false;
    const onSnapshot = ({ topology }: Snapshot) => {
      resyncing = false;
      queryClient.setQueryData<Topology>(topologyKeys.snapshot(), topology);
    };
    const onPatch = (patch: Patch) => {
      const received = receivePatch(queryClient.getQueryData<Topology>(topologyKeys.snapshot()), patch);
      if (received.kind === 'apply') queryClient.setQueryData<Topology>(topologyKeys.snapshot(), received.topology);
      if (received.kind === 'resync' && !resyncing) {
        resyncing = true;
        socket.emit('resync');
      }
    };

    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    socket.on('connect_error', onConnectError);
    socket.io.on('reconnect_attempt', onReconnectAttempt);
    socket.on('engine', onEngine);
    socket.on('snapshot', onSnapshot);
    socket.on('patch', onPatch);
    socket.connect();
    return () => {
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off('connect_error', onConnectError);
      socket.io.off('reconnect_attempt', onReconnectAttempt);
      socket.off('engine', onEngine);
      socket.off('snapshot', onSnapshot);
      socket.off('patch', onPatch);
      socket.disconnect();
    };
  }, [queryClient]);
}
