import fp from 'fastify-plugin';
import { EngineWatcher, defaultWatcherOptions, type WatcherOptions } from '../engine/engine-watcher.js';
import { TopologyStore } from '../engine/topology-store.js';

declare module 'fastify' {
  interface FastifyInstance {
    topology: TopologyStore;
    engineWatcher: EngineWatcher;
  }
}

/** The store and the watcher that keeps it equal to the engine; the stream closes with the app. */
export default fp<{ watcher?: Partial<WatcherOptions> }>(
  async (fastify, opts) => {
    const store = new TopologyStore();
    const watcher = new EngineWatcher(fastify.docker, store, fastify.log.child({ component: 'engine-watcher' }), {
      ...defaultWatcherOptions,
      ...opts.watcher,
    });
    fastify.decorate('topology', store);
    fastify.decorate('engineWatcher', watcher);
    watcher.start();
    fastify.addHook('onClose', async () => {
      await watcher.stop();
      fastify.log.info('engine event stream closed');
    });
    // Serve the first request from a full copy: wait for the first list, but never forever.
    // Below Fastify's plugin timeout (10 s): with no engine the app still starts, degraded.
    await watcher.firstSync(5_000);
  },
  { name: 'topology', dependencies: ['docker'] },
);
