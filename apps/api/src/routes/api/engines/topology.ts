import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EngineParams, SnapshotResponse } from '@bridgeboard/contract';

/** The same snapshot the socket sends on connect. */
const topology: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/topology',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'getTopology',
        summary: 'One engine’s topology: the snapshot the socket sends when it is followed',
        params: EngineParams,
        response: { 200: SnapshotResponse },
      },
    },
    (request) => request.engine.snapshot(),
  );
};

export default topology;
