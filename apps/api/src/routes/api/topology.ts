import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SnapshotResponse } from '@bridgeboard/contract';

/** The same snapshot the socket sends on connect. */
const topology: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/topology',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'getTopology',
        summary: 'The topology snapshot the socket sends on connect',
        response: { 200: SnapshotResponse },
      },
    },
    () => app.topology.snapshot(),
  );
};

export default topology;
