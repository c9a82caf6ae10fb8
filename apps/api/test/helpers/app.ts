import type { AddressInfo } from 'node:net';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyPluginAsync, type RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { DEFAULT_ENGINE_ID, type ClientToServerEvents, type ServerToClientEvents } from '@bridgeboard/contract';
import appPlugin, { REDACTED_LOG_PATHS, serverOptions } from '../../src/app.js';
import { buildServer } from '../../src/build.js';
import { loadConfig, trustProxyOf } from '../../src/config.js';
import type { WatcherOptions } from '../../src/engine/engine-watcher.js';

export type App = Awaited<ReturnType<typeof buildServer>>;
export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const adminTokens = new WeakMap<App, string>();

/**
 * The real app against the real engine, as `server.ts` builds it, with a fresh in-memory database
 * and an admin API token for the tests that are about something other than sign-in.
 */
export async function startApp(
  watcher: Partial<WatcherOptions> = {},
  env: Record<string, string> = {},
  logger: { level: string; stream?: NodeJS.WritableStream } = { level: 'error' },
): Promise<App> {
  const app = await buildServer({ config: testConfig(env), watcher }, { logger });
  adminTokens.set(app, app.tokens.create('tests', 'admin', 'tests').secret);
  return app;
}

const testConfig = (env: Record<string, string>) =>
  loadConfig({ LOG_LEVEL: 'error', DATABASE_PATH: ':memory:', BRIDGEBOARD_ADMIN_PASSWORD: ADMIN_PASSWORD, ...env });

/**
 * `startApp`, built step by step as `buildServer` builds it, with two additions: `onRoute` is told
 * of every route the app adds (a hook on the root before the app, so it misses none, the socket
 * aside: socket.io answers its handshake before any route), and `plugins` are registered after
 * the app, as a feature added later would be. Rejects when the app refuses to start.
 */
export async function startAppWith(opts: {
  onRoute: (route: RouteOptions) => void;
  plugins?: FastifyPluginAsync[];
  env?: Record<string, string>;
}): Promise<App> {
  const config = testConfig(opts.env ?? {});
  const fastify = Fastify({
    ...serverOptions,
    trustProxy: trustProxyOf(config),
    logger: { level: 'error', redact: { paths: REDACTED_LOG_PATHS } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  fastify.addHook('onRoute', opts.onRoute);
  try {
    await fastify.register(fp(appPlugin), { config, watcher: {} });
    for (const plugin of opts.plugins ?? []) await fastify.register(plugin);
    await fastify.ready();
  } catch (err) {
    await fastify.close();
    throw err;
  }
  adminTokens.set(fastify, fastify.tokens.create('tests', 'admin', 'tests').secret);
  return fastify;
}

export const ADMIN_PASSWORD = 'admin-password-for-tests';

/** The admin token of an app made by `startApp`. */
export function adminToken(app: App): string {
  const token = adminTokens.get(app);
  if (!token) throw new Error('not an app from startApp');
  return token;
}

/** Headers that act as the tests' admin (a Bearer token: no cookie, so no CSRF token either). */
export function asAdmin(app: App): Record<string, string> {
  return { authorization: `Bearer ${adminToken(app)}` };
}

/** The same app listening on a free loopback port, for socket clients. */
export async function listen(app: App): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

/** A socket signed in with `token` (an API token), or with `headers` (a session cookie, an Origin). */
/**
 * A socket that follows `engines` (the default engine unless told), as the web app does: it
 * subscribes on every connect, so a reconnect gets fresh snapshots. `engines: []` follows none.
 */
export function socketClient(
  url: string,
  credentials: { token?: string; headers?: Record<string, string> },
  engines: string[] = [DEFAULT_ENGINE_ID],
): ClientSocket {
  const socket: ClientSocket = connectSocket(url, {
    transports: ['websocket'],
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    ...(credentials.token ? { auth: { token: credentials.token } } : {}),
    ...(credentials.headers ? { extraHeaders: credentials.headers } : {}),
  });
  return engines.length > 0 ? follow(socket, engines) : socket;
}

/** Has `socket` follow `engines` (the default engine unless told) now if connected, and on every (re)connect. */
export function follow<S extends { connected: boolean; on(event: 'connect', fn: () => void): unknown; emit: ClientSocket['emit'] }>(
  socket: S,
  engines: string[] = [DEFAULT_ENGINE_ID],
): S {
  const subscribe = () => socket.emit('subscribe', engines, () => undefined);
  socket.on('connect', subscribe);
  if (socket.connected) subscribe();
  return socket;
}

/** Resolves with the first `event` for which `test` holds (default: the first one). */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: ClientSocket,
  event: E,
  test: (...args: Parameters<ServerToClientEvents[E]>) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<Parameters<ServerToClientEvents[E]>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener as never);
      reject(new Error(`no matching '${event}' within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (...args: Parameters<ServerToClientEvents[E]>) => {
      if (!test(...args)) return;
      clearTimeout(timer);
      socket.off(event, listener as never);
      resolve(args);
    };
    socket.on(event, listener as never);
  });
}
