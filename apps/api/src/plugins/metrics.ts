import { performance } from 'node:perf_hooks';
import fp from 'fastify-plugin';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { ErrorResponse } from '@bridgeboard/contract';
import type { EnginePatch } from '@bridgeboard/contract';
import type { Engine } from '../fleet/engine.js';
import type { EngineCall } from '../fleet/engine-client.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** This app's Prometheus registry (its own: tests build many apps in one process). */
    metrics: Registry;
  }
}

/** Sub-millisecond (a patch from memory) to many seconds (a hung engine). */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Prometheus metrics at `GET /metrics`. The numbers say who uses the board and how the engine
 * behaves, so they are not for anonymous callers: an API token (any role) as `Authorization:
 * Bearer`, or a signed-in session; without either only when `METRICS_PUBLIC` is on.
 */
export default fp<{ public: boolean }>(
  async (fastify, opts) => {
    const register = new Registry();
    collectDefaultMetrics({ register });

    new Gauge({
      name: 'bridgeboard_engine_reachable',
      help: '1 while the Docker engine answers and its event stream is open, else 0',
      labelNames: ['engine'] as const,
      registers: [register],
      collect() {
        this.reset();
        for (const engine of fastify.fleet.list()) this.set({ engine: engine.id }, engine.status.reachable ? 1 : 0);
      },
    });
    const events = new Counter({
      name: 'bridgeboard_engine_events_received_total',
      help: 'Events read from the engine /events stream (before de-duplication)',
      labelNames: ['engine'] as const,
      registers: [register],
    });
    const patches = new Counter({
      name: 'bridgeboard_patches_sent_total',
      help: 'Topology patches broadcast to the boards following the engine (one per change, whatever the number of sockets)',
      labelNames: ['engine'] as const,
      registers: [register],
    });
    new Gauge({
      name: 'bridgeboard_sockets_connected',
      help: 'Open socket.io connections (browser tabs and scripts)',
      registers: [register],
      collect() {
        // Read at scrape time, once the app (and its socket server, registered after the metrics) is ready.
        this.set(fastify.io.of('/').sockets.size);
      },
    });
    const eventToPatch = new Histogram({
      name: 'bridgeboard_event_to_patch_seconds',
      help: 'From reading an engine event line to broadcasting the patch it caused',
      labelNames: ['engine'] as const,
      buckets: LATENCY_BUCKETS,
      registers: [register],
    });
    const calls = new Counter({
      name: 'bridgeboard_engine_api_calls_total',
      help: 'Docker engine API calls by METHOD /path (ids folded to {id}); result=failed when no answer came',
      labelNames: ['engine', 'call', 'result'] as const,
      registers: [register],
    });
    const callSeconds = new Histogram({
      name: 'bridgeboard_engine_api_call_duration_seconds',
      help: 'Time to the engine answer by METHOD /path (for /events: until the stream opened)',
      labelNames: ['engine', 'call'] as const,
      buckets: LATENCY_BUCKETS,
      registers: [register],
    });

    // Each engine is watched from before it starts (the fleet announces it first), so its first list's calls count too.
    const unwatch = new Map<string, () => void>();
    const watch = (engine: Engine) => {
      const onCall = (call: EngineCall) => {
        calls.inc({ engine: engine.id, call: call.key, result: call.failed ? 'failed' : 'answered' });
        if (!call.failed) callSeconds.observe({ engine: engine.id, call: call.key }, call.seconds);
      };
      const onReceived = () => events.inc({ engine: engine.id });
      const onApplied = (readAt: number) => eventToPatch.observe({ engine: engine.id }, (performance.now() - readAt) / 1000);
      engine.client.callTimes.on('call', onCall);
      engine.watcher.on('received', onReceived);
      engine.watcher.on('applied', onApplied);
      unwatch.set(engine.id, () => {
        engine.client.callTimes.off('call', onCall);
        engine.watcher.off('received', onReceived);
        engine.watcher.off('applied', onApplied);
      });
    };
    const forget = (id: string) => {
      unwatch.get(id)?.();
      unwatch.delete(id);
    };
    const onPatch = (patch: EnginePatch) => patches.inc({ engine: patch.engine });
    fastify.fleet.on('added', watch);
    fastify.fleet.on('removed', forget);
    fastify.fleet.on('patch', onPatch);
    fastify.addHook('onClose', async () => {
      fastify.fleet.off('added', watch);
      fastify.fleet.off('removed', forget);
      fastify.fleet.off('patch', onPatch);
      for (const id of [...unwatch.keys()]) forget(id);
    });
    fastify.decorate('metrics', register);

    fastify.get(
      '/metrics',
      {
        // Outside /api, so the handler checks the credential itself; the declaration says the same.
        config: opts.public ? { public: true } : { role: 'viewer' },
        schema: {
          operationId: 'getMetrics',
          summary: 'Prometheus metrics (text exposition format)',
          description:
            'Needs an API token (any role) as `Authorization: Bearer`, or a signed-in session, unless the server runs with METRICS_PUBLIC=true.',
          tags: ['ops'],
          produces: ['text/plain'],
          response: { 200: { description: 'Prometheus text format 0.0.4', type: 'string' }, 401: ErrorResponse },
        },
      },
      async (request, reply) => {
        if (!opts.public && !fastify.principalOf(request.headers)) {
          throw fastify.httpErrors.unauthorized(
            request.headers.authorization ? 'invalid or revoked API token' : 'metrics need an API token (Authorization: Bearer)',
          );
        }
        return reply.type(register.contentType).send(await register.metrics());
      },
    );
  },
  { name: 'metrics', dependencies: ['fleet', 'auth'] },
);
