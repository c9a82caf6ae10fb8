import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { EngineParams, MutationErrors, NetworkCreateBody, NetworkParams, NetworkSchema } from '@bridgeboard/contract';
import { assertMayCreate, createNetwork, removeNetwork } from '../../../../services/networks.js';
import { atPrefix } from '../../at-prefix.js';
import { networkOfBody, networkOfPath } from '../network-targets.js';

const networks: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/',
    {
      ...atPrefix,
      config: { role: 'operator', audit: 'network.create', networks: networkOfBody },
      schema: {
        operationId: 'createNetwork',
        summary: 'Create a network',
        params: EngineParams,
        body: NetworkCreateBody,
        response: { 201: NetworkSchema, ...MutationErrors },
      },
    },
    async (request, reply) => {
      // Host-touching options need more than this route's role: the role the guards allowed it under.
      const { engine } = request;
      await assertMayCreate(engine, request.body, request.access?.role ?? 'viewer');
      const network = await createNetwork(request.engine, request.body);
      request.auditTarget = { network: network.name };
      return reply.status(201).send(network);
    },
  );

  app.delete(
    '/:id',
    {
      config: { role: 'admin', audit: 'network.remove', networks: networkOfPath },
      schema: {
        operationId: 'removeNetwork',
        summary: 'Remove a network (not a system one, not one with endpoints)',
        params: NetworkParams,
        response: { 204: Type.Null(), ...MutationErrors },
      },
    },
    async (request, reply) => {
      const network = await removeNetwork(request.engine, request.params.id);
      request.auditTarget = { network: network.name };
      return reply.status(204).send(null);
    },
  );
};

export default networks;
