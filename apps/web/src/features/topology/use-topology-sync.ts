import { replaceEqualDeep, useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import type { EnginePatch, EngineState, Snapshot, SubscribeAck } from '@bridgeboard/contract';
import { receivePatch, type Topology } from '@bridgeboard/topology';
import { socket } from '../../lib/socket';
import { useEngineId } from '../engines/engine-selection';
import { enginesKeys, withState } from '../engines/engines-query';
import { initialLinkState, type LinkState } from './link-status';
import { recordPatch } from './patch-lineage';
import { topologyKeys } from './topology-keys';

/**
 * What the tab follows: the engines a page asked for (the All engines page: every engine) while
 * it is mounted, else the one engine shown. Kept outside React's tree because the sync runs above
 * the routes; `subscribe` replaces what the server sends, so leaving that page stops the others' patches.
 */
const following: { asked: string[] | null; ack: { key: string; ack: SubscribeAck } | null; listeners: Set<() => void> } = {
  asked: null,
  ack: null,
  listeners: new Set(),
};
const notify = () => following.listeners.forEach((listener) => listener());
const listen = (listener: () => void) => {
  following.listeners.add(listener);
  return () => void following.listeners.delete(listener);
};

/**
 * Follows these engines instead of the one shown, while the calling component is mounted; an empty
 * list (the engines not known yet) keeps the one shown. Returns the server's answer for exactly
 * this list once it came: the engines it refused (the caller may not see them), with the reason.
 */
export function useFollowEngines(ids: readonly string[]): SubscribeAck | null {
  const key = ids.join(',');
  useEffect(() => {
    following.asked = key ? key.split(',') : null;
    notify();
    return () => {
      following.asked = null;
      notify();
    };
  }, [key]);
  const answered = useSyncExternalStore(listen, () => following.ack);
  return answered?.key === key ? answered.ack : null;
}

const isTopology = (data: unknown): data is Topology => typeof data === 'object' && data !== null && 'endpoints' in data && 'rev' in data;

/**
 * Connects the socket (only ever mounted for a signed-in user, so a sign-out disconnects it),
 * follows the engines the tab shows (`subscribe`, again on every reconnect and on every change),
 * and writes its news into the query cache: a snapshot replaces that engine's topology, a patch
 * with the next rev is applied, any other rev asks for a snapshot of that engine (`resync`).
 * Other hooks add their own listeners to the same socket; each removes only its own.
 */
export function useTopologySync(): void {
  const queryClient = useQueryClient();
  const engine = useEngineId();
  const asked = useSyncExternalStore(listen, () => following.asked);
  const followed = (asked ?? [engine]).join(',');

  useEffect(() => {
    // A topology written here is already shared with the one before wherever a patch left it
    // (apply's contract): React Query's deep compare would walk every changed table again, and
    // store a copy, so the board could not tell what a patch changed (patch-lineage.ts).
    // Selections (`select`) keep the default sharing.
    queryClient.setQueryDefaults(topologyKeys.all, {
      structuralSharing: (old: unknown, next: unknown) => (isTopology(next) ? next : replaceEqualDeep(old, next)),
    });
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
      // Mostly what the cache holds already (the page's REST answer, a resync of a quiet engine):
      // what is equal keeps its objects, so the board redraws only what differs, often nothing.
      queryClient.setQueryData<Topology>(topologyKeys.snapshot(id), (old) => (old ? replaceEqualDeep(old, topology) : topology));
    };
    const onPatch = ({ engine: id, ...patch }: EnginePatch) => {
      const current = queryClient.getQueryData<Topology>(topologyKeys.snapshot(id));
      const received = receivePatch(current, patch);
      if (received.kind === 'apply' && current) {
        // So the board finds what this patch changed without walking every table (issue 13).
        recordPatch(current, received.topology, patch);
        queryClient.setQueryData<Topology>(topologyKeys.snapshot(id), received.topology);
      }
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

  // Follows exactly those engines: on every (re)connect, and whenever the tab switches engines or pages.
  useEffect(() => {
    const follow = () =>
      socket.emit('subscribe', followed.split(','), (ack) => {
        following.ack = { key: followed, ack };
        notify();
      });
    if (socket.connected) follow();
    socket.on('connect', follow);
    return () => {
      socket.off('connect', follow);
    };
  }, [followed]);
}
