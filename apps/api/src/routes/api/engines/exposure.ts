import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EngineParams, ErrorResponse, ExposureResponse, HostFactsResponse } from '@bridgeboard/contract';
import { exposure, lints, swarmExposure } from '@bridgeboard/topology';
import { readHostFacts } from '../../../services/host-facts.js';

/**
 * What is exposed and what to fix: published ports, a swarm's published ports, and the lints,
 * weighed against the engine host's uplink and routes when this process can read them.
 */
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
    async (request) => {
      const t = request.engine.store.current;
      const host = await readHostFacts(t, request.engine.local);
      return { ports: exposure(t), swarmPorts: swarmExposure(t), lints: lints(t, host) };
    },
  );

  // The board computes its lints in the browser from the live topology; these are the rest of their input.
  app.get(
    '/exposure/host-facts',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'getHostFacts',
        summary: "The engine host's uplink and IPv4 routes the capacity lints use (null when this server cannot see that host)",
        params: EngineParams,
        response: { 200: HostFactsResponse, 401: ErrorResponse },
      },
    },
    async (request) => ({ host: (await readHostFacts(request.engine.store.current, request.engine.local)) ?? null }),
  );
};

export default exposureRoutes;
