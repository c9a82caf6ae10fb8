import type { AddressInfo } from 'node:net';
import { io as connectSocket, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@bridgeboard/contract';
import { buildServer } from '../../src/build.js';
import { loadConfig } from '../../src/config.js';
import type { WatcherOptions } from '../../src/engine/engine-watcher.js';

export type App = Awaited<ReturnType<typeof buildServer>>;
export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The real app against the real engine, as `server.ts` builds it. */
export async function startApp(watcher: Partial<WatcherOptions> = {}): Promise<App> {
  return buildServer({ config: loadConfig({ LOG_LEVEL: 'warn' }), watcher }, { logger: { level: 'warn' } });
}

/** The same app listening on a free loopback port, for socket clients. */
export async function listen(app: App): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

export function socketClient(url: string): ClientSocket {
  return connectSocket(url, { transports: ['websocket'], reconnectionDelay: 100, reconnectionDelayMax: 500 });
}
