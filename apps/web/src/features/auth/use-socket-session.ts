import { useEffect } from 'react';
import type { Socket } from 'socket.io-client';
import { socket } from '../../lib/socket';
import { useRecheckSession } from './me-query';

const RETRY_MS = 3000;

/**
 * The server refuses a handshake without a session, and drops a socket whose session ended;
 * socket.io retries neither. So ask who is signed in: nobody → the sign-in page (which unmounts
 * the socket); still signed in (the refusal had another cause) → try again in a moment.
 */
export function useSocketSession(): void {
  const recheck = useRecheckSession();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let disposed = false;
    const check = () => {
      clearTimeout(timer);
      void recheck()
        .catch(() => undefined)
        .then((me) => {
          if (me && !disposed) timer = setTimeout(() => socket.connect(), RETRY_MS);
        });
    };
    const onConnectError = () => {
      if (!socket.active) check();
    };
    const onDisconnect = (reason: Socket.DisconnectReason) => {
      if (reason === 'io server disconnect') check();
    };
    socket.on('connect_error', onConnectError);
    socket.on('disconnect', onDisconnect);
    return () => {
      disposed = true;
      clearTimeout(timer);
      socket.off('connect_error', onConnectError);
      socket.off('disconnect', onDisconnect);
    };
  }, [recheck]);
}
