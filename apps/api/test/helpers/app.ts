import type { AddressInfo } from 'node:net';
import { io as connectSocket, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@bridgeboard/contract';
import { buildServer } from '../../src/build.js';
import { loadConfig } from '../../src/config.js';
import type { WatcherOptions } from '../../src/engine/engine-watcher.js';

export type App = Awaited<ReturnType<typeof buildServer>>;
export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The real app against the real engine, as `server.ts` builds it. */
export async function startApp(watcher: Partial<WatcherOptions> = {}, env: Record<string, string> = {}): Promise<App> {
  return buildServer({ config: loadConfig({ LOG_LEVEL: 'error', ...env }), watcher }, { logger: { level: 'error' } });
}

/** The same app listening on a free loopback port, for socket clients. */
export async function listen(app: App): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

export function socketClient(url: string): ClientSocket {
  return connectSocket(url, { transports: ['websocket'], reconnectionDelay: 100, reconnectionDelayMax: 500 });
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
