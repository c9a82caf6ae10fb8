import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HealthResponse } from '@bridgeboard/contract';

const health: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/health', { config: { public: true }, schema: { response: { 200: HealthResponse } } }, () => {
    const engine = app.engineWatcher.status;
    return {
      status: engine.reachable ? ('ok' as const) : ('degraded' as const),
      engine,
      rev: app.topology.current.rev,
      uptimeSeconds: Math.round(process.uptime()),
    };
  });
};

export default health;
