import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { EngineStatusSchema, HealthResponse } from '@bridgeboard/contract';

/** Only orchestrators and probes read this, never the web app: it lives here, not in the contract. */
const ReadyResponse = Type.Object({
  ready: Type.Boolean(),
  /** Why not, when not ready. */
  reason: Type.Optional(Type.String()),
  engine: EngineStatusSchema,
  rev: Type.Integer(),
});

/**
 * Liveness (`/health`: the process answers; 200 even with the engine gone, so an orchestrator does
 * not restart a healthy server because dockerd restarts) and readiness (`/ready`: 503 until the
 * engine answers and the first full list is in, so a load balancer sends no one to an empty board).
 */
const health: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    {
      config: { public: true },
      schema: {
        operationId: 'getHealth',
        summary: 'Liveness: the process answers, with the engine status',
        tags: ['ops'],
        response: { 200: HealthResponse },
      },
    },
    () => {
      const engines = Object.fromEntries(app.fleet.list().map((e) => [e.id, e.status.reachable]));
      return {
        status: Object.values(engines).every(Boolean) ? ('ok' as const) : ('degraded' as const),
        engine: app.defaultEngine.status,
        rev: app.defaultEngine.store.current.rev,
        engines,
        uptimeSeconds: Math.round(process.uptime()),
      };
    },
  );

  app.get(
    '/ready',
    {
      config: { public: true },
      schema: {
        operationId: 'getReadiness',
        summary: 'Readiness: 503 until the engine answered and the first list is in',
        tags: ['ops'],
        response: { 200: ReadyResponse, 503: ReadyResponse },
      },
    },
    async (_request, reply) => {
      // Ready once the default engine is: the others may come and go without taking the server out.
      const { watcher, store } = app.defaultEngine;
      const engine = watcher.status;
      const rev = store.current.rev;
      const reason = !watcher.synced
        ? 'the first list of networks and containers has not come from the engine yet'
        : !engine.reachable
          ? 'the Docker engine is unreachable (reconnecting)'
          : null;
      if (reason) return reply.status(503).send({ ready: false, reason, engine, rev });
      return { ready: true, engine, rev };
    },
  );
};

export default health;
