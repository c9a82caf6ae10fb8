import { fileURLToPath } from 'node:url';
import sensible from '@fastify/sensible';
import type { FastifyPluginAsync } from 'fastify';
import { engineConnection, type Config } from './config.js';
import type { WatcherOptions } from './engine/engine-watcher.js';
import docker from './plugins/docker.js';
import errorHandler from './plugins/error-handler.js';
import realtime from './plugins/realtime.js';
import sameOrigin from './plugins/same-origin.js';
import topology from './plugins/topology.js';
import web from './plugins/web.js';
import health from './routes/api/health.js';
import connections from './routes/api/networks/connections.js';
import networks from './routes/api/networks/index.js';
import topologyRoute from './routes/api/topology.js';

export interface AppOptions {
  config: Config;
  watcher?: Partial<WatcherOptions>;
}

/**
 * The whole app as one plugin; `server.ts` and the tests build exactly this. Plugins are
 * registered by hand rather than autoloaded: the list is short and the order is visible here.
 */
const app: FastifyPluginAsync<AppOptions> = async (fastify, opts) => {
  await fastify.register(sensible);
  await fastify.register(errorHandler);
  await fastify.register(sameOrigin, { loopbackOnly: isLoopback(opts.config.HOST) });
  await fastify.register(docker, { engine: engineConnection(opts.config) });
  await fastify.register(topology, { watcher: opts.watcher ?? {} });
  await fastify.register(realtime);

  await fastify.register(
    async (api) => {
      await api.register(health);
      await api.register(topologyRoute);
      await api.register(networks, { prefix: '/networks' });
      await api.register(connections, { prefix: '/networks' });
    },
    { prefix: '/api' },
  );

  await fastify.register(web, { root: opts.config.WEB_DIST ?? fileURLToPath(new URL('../../web/dist', import.meta.url)) });
};

export default app;

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

/** Options for `Fastify()` that the app relies on (tests pass the same). */
export const serverOptions = {
  // Unknown fields must be refused, not silently dropped (Fastify's default removes them).
  ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array' as const, allErrors: false } },
  bodyLimit: 100 * 1024,
  // Long ids must reach the schema (400 naming the field), not the router's own 414.
  routerOptions: { maxParamLength: 2000 },
};
