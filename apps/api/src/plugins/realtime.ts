import fp from 'fastify-plugin';
import { Server } from 'socket.io';
import type { Activity, ClientToServerEvents, ServerToClientEvents } from '@bridgeboard/contract';

declare module 'fastify' {
  interface FastifyInstance {
    io: Server<ClientToServerEvents, ServerToClientEvents>;
    /** Tells every client who changed what. */
    announce(activity: Omit<Activity, 'user' | 'at'>): void;
  }
}

/** News over the socket: a snapshot on connect and on `resync`, then one `patch` per change. */
export default fp(
  async (fastify) => {
    const io = new Server<ClientToServerEvents, ServerToClientEvents>(fastify.server, {
      path: '/socket.io',
      serveClient: false,
      // The socket carries no commands; nothing a client sends is large.
      maxHttpBufferSize: 16 * 1024,
      // CORS does not cover WebSockets: a page from another origin must not read the topology.
      allowRequest: (req, callback) => {
        const refusal = fastify.foreignRequest(req);
        callback(refusal, refusal === null);
      },
    });

    io.on('connection', (socket) => {
      socket.emit('engine', fastify.engineWatcher.status);
      socket.emit('snapshot', fastify.topology.snapshot());
      socket.on('resync', () => socket.emit('snapshot', fastify.topology.snapshot()));
    });
    const onPatch = (patch: Parameters<ServerToClientEvents['patch']>[0]) => io.emit('patch', patch);
    const onEngine = (status: Parameters<ServerToClientEvents['engine']>[0]) => io.emit('engine', status);
    fastify.topology.on('patch', onPatch);
    fastify.engineWatcher.on('engine', onEngine);

    fastify.decorate('io', io);
    // Until sign-in exists (issue 4) every change is made by the one anonymous operator.
    fastify.decorate('announce', (activity: Omit<Activity, 'user' | 'at'>) =>
      io.emit('activity', { ...activity, user: 'anonymous', at: new Date().toISOString() }),
    );
    fastify.addHook('preClose', async () => {
      fastify.topology.off('patch', onPatch);
      fastify.engineWatcher.off('engine', onEngine);
      await io.close();
    });
  },
  { name: 'realtime', dependencies: ['topology', 'same-origin'] },
);
