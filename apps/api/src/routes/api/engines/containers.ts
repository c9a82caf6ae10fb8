import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ContainerParams, ErrorResponse, WireResponse } from '@bridgeboard/contract';
import { wireOf, type WireOptions } from '../../../services/wire.js';

const containers: FastifyPluginAsyncTypebox<WireOptions> = async (app, opts) => {
  app.get(
    '/:id/wire',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'getContainerWire',
        summary: 'The veth pairs under a container’s links, or why they cannot be seen',
        params: ContainerParams,
        response: { 200: WireResponse, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => wireOf(request.engine, request.params.id, opts),
  );
};

export default containers;
