import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EngineParams, ErrorResponse, ExposureResponse } from '@bridgeboard/contract';
import { exposure, lints, swarmExposure } from '@bridgeboard/topology';

/** What is exposed and what to fix: published ports, a swarm's published ports, and the lints. */
const exposureRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/exposure',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'getExposure',
        summary: 'What is published to the host, and the lints to fix',
        params: EngineParams,
        response: { 200: ExposureResponse, 401: ErrorResponse },
      },
    },
    (request) => {
      const t = request.engine.store.current;
      return { ports: exposure(t), swarmPorts: swarmExposure(t), lints: lints(t) };
    },
  );
};

export default exposureRoutes;
