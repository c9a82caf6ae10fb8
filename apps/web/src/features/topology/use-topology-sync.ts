import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { EnginePatch, EngineState, Snapshot } from '@bridgeboard/contract';
import { receivePatch, type Topology } from '@bridgeboard/topology';
import { socket } from '../../lib/socket';
import { useEngineId } from '../engines/engine-selection';
import { enginesKeys, withState } from '../engines/engines-query';
import { initialLinkState, type LinkState } from './link-status';
import { topologyKeys } from './topology-keys';

/**
 * Connects the socket (only ever mounted for a signed-in user, so a sign-out disconnects it),
 * follows the engine this tab shows (`subscribe`, again on every reconnect and on every switch),
 * and writes its news into the query cache: a snapshot replaces that engine's topology, a patch
 * with the next rev is applied, any other rev asks for a snapshot of that engine (`resync`).
 * Other hooks add their own listeners to the same socket; each removes only its own.
 */
export function useTopologySync(): void {
  const queryClient = useQueryClient();
  const engine = useEngineId();

  useEffect(() => {
    const setLink = (change: (old: LinkState) => Partial<LinkState>) =>
      queryClient.setQueryData<LinkState>(topologyKeys.link(), (old = initialLinkState) => ({ ...old, ...change(old) }));

    const onConnect = () => setLink(() => ({ socket: 'connected' }));
    const onDisconnect = () => setLink(() => ({ socket: 'disconnected' }));
    // A refused handshake is not retried by socket.io (`active` is false); a transport error is.
    const onConnectError = () => {
      if (!socket.active) setLink(() => ({ socket: 'disconnected' }));
    };
    const onReconnectAttempt = () => setLink(() => ({ socket: 'connecting' }));
    const onEngine = (state: EngineState) => {
      const { engine: id, ...status } = state;
      setLink((old) => ({ engines: { ...old.engines, [id]: status } }));
      queryClient.setQueryData(enginesKeys.all, (old: Parameters<typeof withState>[0]) => withState(old, state));
    };
    // One resync at a time per engine: patches that arrive before its snapshot are out of order anyway.
    const resyncing = new Set<string>();
    const onSnapshot = ({ engine: id, topology }: Snapshot) => {
      resyncing.delete(id);
      queryClient.setQueryData<Topology>(topologyKeys.snapshot(id), topology);
    };
    const onPatch = ({ engine: id, ...patch }: EnginePatch) => {
      const received = receivePatch(queryClient.getQueryData<Topology>(topologyKeys.snapshot(id)), patch);
      if (received.kind === 'apply') queryClient.setQueryData<Topology>(topologyKeys.snapshot(id), received.topology);
      if (received.kind === 'resync' && !resyncing.has(id)) {
        resyncing.add(id);
        socket.emit('resync', id);
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

  // Follows exactly the engine shown: on every (re)connect, and whenever the tab switches engines.
  useEffect(() => {
    const follow = () => socket.emit('subscribe', [engine], () => undefined);
    if (socket.connected) follow();
    socket.on('connect', follow);
    return () => {
      socket.off('connect', follow);
    };
  }, [engine]);
}
