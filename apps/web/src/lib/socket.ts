import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@bridgeboard/contract';

/** The one socket of the app; connected by the topology sync, read by nobody else. */
export const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
  autoConnect: false,
  reconnectionDelay: 250,
  reconnectionDelayMax: 5000,
});
