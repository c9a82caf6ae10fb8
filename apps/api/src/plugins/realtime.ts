import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Server, type Socket } from 'socket.io';
import type {
  ClientToServerEvents,
  EnginePatch,
  EngineState,
  PresenceUser,
  ServerToClientEvents,
  SubscribeAck,
} from '@bridgeboard/contract';
import { maySee } from '@bridgeboard/contract';
import type { Principal } from '../auth/principal.js';

interface SocketData {
  principal: Principal;
  since: string;
}

/** The room of the sockets that follow one engine: its snapshots' successors, its state, its activity. */
export const engineRoom = (engine: string) => `engine:${engine}`;

/** At most this many engines in one `subscribe` (a fleet this size is already a wall of boards). */
const SUBSCRIBE_MAX = 64;

type BoardServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type BoardSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

declare module 'fastify' {
  interface FastifyInstance {
    io: BoardServer;
  }
}

/** One entry per user however many tabs, oldest first. */
function presenceOf(io: BoardServer): PresenceUser[] {
  const byUser = new Map<string, PresenceUser>();
  for (const socket of io.of('/').sockets.values()) {
    const { principal, since } = socket.data;
    const seen = byUser.get(principal.username);
    if (seen) {
      seen.sockets += 1;
      if (since < seen.since) seen.since = since;
    } else {
      byUser.set(principal.username, { username: principal.username, role: principal.role, sockets: 1, since });
    }
  }
  return [...byUser.values()].sort((a, b) => a.since.localeCompare(b.since));
}

export interface RealtimeOptions {
  /** A handshake's client address as `request.ip` gives it (`clientAddressOf(config)`); the TCP peer when unset. */
  clientAddress?: (req: IncomingMessage) => string;
}

/**
 * News over the socket. A client follows the engines it shows (`subscribe`): for each, its state and
 * a snapshot, then one `patch` per change, sent only to the sockets in that engine's room. Only
 * signed-in users get in; a socket lives no longer than the session that opened it.
 */
export default fp<RealtimeOptions>(
  async (fastify, opts) => {
    // socket.io answers its handshakes before any Fastify route, so the limiter is asked here: each
    // new connection is one request on the API's own per-address budget (the global
    // @fastify/rate-limit store, RATE_LIMIT_PER_MINUTE a minute), checked before any credential is
    // looked up. It reads only `ip` (its default key, IPv6 folded to the /64) and the route config.
    const rateLimited = fastify.createRateLimit();
    const addressOf = opts.clientAddress ?? ((req: IncomingMessage) => req.socket.remoteAddress ?? '');
    const checkRate = async (req: IncomingMessage): Promise<string | null> => {
      const limit = await rateLimited({ ip: addressOf(req), routeOptions: { config: {} } } as unknown as FastifyRequest);
      return !limit.isAllowed && limit.isExceeded ? `too many requests from this address: retry in ${limit.ttlInSeconds} s` : null;
    };

    const io: BoardServer = new Server(fastify.server, {
      path: '/socket.io',
      serveClient: false,
      // The socket carries no commands; nothing a client sends is large.
      maxHttpBufferSize: 16 * 1024,
      // CORS does not cover WebSockets: a page from another origin must not even open one.
      allowRequest: (req, callback) => {
        const foreign = fastify.foreignRequest(req);
        if (foreign !== null) {
          callback(foreign, false);
          return;
        }
        checkRate(req).then(
          (refusal) => callback(refusal, refusal === null),
          (err: unknown) => {
            fastify.log.error({ err }, 'socket handshake rate limit failed');
            callback('rate limit unavailable', false);
          },
        );
      },
    });

    io.use((socket, next) => {
      const principal = fastify.principalOf(socket.request.headers, (socket.handshake.auth as { token?: unknown }).token);
      if (!principal) {
        next(new Error('unauthorized: sign in first'));
        return;
      }
      socket.data = { principal, since: new Date().toISOString() };
      next();
    });

    const broadcastPresence = () => io.emit('presence', presenceOf(io));

    io.on('connection', (socket: BoardSocket) => {
      const { principal } = socket.data;
      void socket.join([
        `user:${principal.username}`,
        principal.sessionId ? `session:${principal.sessionId}` : `token:${principal.tokenId ?? ''}`,
      ]);
      if (principal.expiresAt !== null) {
        const expiry = setTimeout(() => socket.disconnect(true), Math.max(0, principal.expiresAt - Date.now()));
        socket.once('disconnect', () => clearTimeout(expiry));
      }
      const followed = new Set<string>();
      const sendEngine = (id: string) => {
        const engine = fastify.fleet.get(id);
        socket.emit('engine', { engine: id, ...engine.status });
        socket.emit('snapshot', engine.snapshot());
      };
      socket.on('subscribe', (asked, ack) => {
        const result: SubscribeAck = { engines: [], refused: [] };
        // What a client sends is whatever it sends: checked here, not trusted to the event map's types.
        const asking: unknown[] = Array.isArray(asked) ? [...new Set<unknown>(asked)] : [];
        const wanted = asking.slice(0, SUBSCRIBE_MAX);
        // Past the limit each is refused by name: a client must not take silence for "followed".
        for (const id of asking.slice(SUBSCRIBE_MAX))
          result.refused.push({ engine: String(id).slice(0, 64), reason: `more than ${SUBSCRIBE_MAX} engines in one subscribe` });
        for (const id of wanted) {
          if (typeof id !== 'string' || !fastify.fleet.has(id)) {
            result.refused.push({ engine: String(id).slice(0, 64), reason: 'no such engine' });
            continue;
          }
          if (!maySee(socket.data.principal, id)) {
            result.refused.push({ engine: id, reason: 'no access' });
            continue;
          }
          result.engines.push(id);
        }
        for (const id of followed) {
          if (result.engines.includes(id)) continue;
          followed.delete(id);
          void socket.leave(engineRoom(id));
        }
        for (const id of result.engines) {
          // Joined before the snapshot is sent: a patch made in between is sent after it, never lost.
          if (!followed.has(id)) void socket.join(engineRoom(id));
          followed.add(id);
          sendEngine(id);
        }
        if (typeof ack === 'function') ack(result);
      });
      socket.on('resync', (id) => {
        if (typeof id === 'string' && followed.has(id) && fastify.fleet.has(id)) sendEngine(id);
      });
      socket.on('disconnect', broadcastPresence);
      broadcastPresence();
    });
    const onPatch = (patch: EnginePatch) => io.to(engineRoom(patch.engine)).emit('patch', patch);
    const onEngine = (state: EngineState) => io.to(engineRoom(state.engine)).emit('engine', state);
    // A removed engine's followers are told it is gone (unreachable), then leave its room.
    const onRemoved = (id: string) => {
      io.to(engineRoom(id)).emit('engine', { engine: id, reachable: false, version: null, apiVersion: null });
      io.in(engineRoom(id)).socketsLeave(engineRoom(id));
    };
    fastify.fleet.on('patch', onPatch);
    fastify.fleet.on('engine', onEngine);
    fastify.fleet.on('removed', onRemoved);

    fastify.decorate('io', io);
    fastify.addHook('preClose', async () => {
      fastify.fleet.off('patch', onPatch);
      fastify.fleet.off('engine', onEngine);
      fastify.fleet.off('removed', onRemoved);
      await io.close();
    });
  },
  { name: 'realtime', dependencies: ['fleet', 'same-origin', 'auth', '@fastify/rate-limit'] },
);
