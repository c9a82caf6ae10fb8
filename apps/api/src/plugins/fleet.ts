import fp from 'fastify-plugin';
import type { WatcherOptions } from '../engine/engine-watcher.js';
import { Fleet } from '../fleet/fleet.js';

declare module 'fastify' {
  interface FastifyInstance {
    fleet: Fleet;
  }
}

/**
 * The fleet, empty: the metrics and the socket listen to it before any engine is added (engines.ts),
 * so they see every engine's first calls. Every watcher's stream closes with the app.
 */
export default fp<{ watcher?: Partial<WatcherOptions> }>(
  async (fastify, opts) => {
    const fleet = new Fleet(fastify.log.child({ component: 'engine-watcher' }), opts.watcher ?? {});
    fastify.decorate('fleet', fleet);
    fastify.addHook('onClose', async () => {
      await fleet.close();
      fastify.log.info('engine event streams closed');
    });
  },
  { name: 'fleet' },
);
