import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ConnectBody, ConnectionParams, DisconnectQuery, EndpointSchema, MutationErrors, NetworkParams } from '@bridgeboard/contract';
import { own } from '@bridgeboard/topology';
import { connect, disconnect } from '../../../../services/connections.js';
import { networkOfPath } from '../network-targets.js';

const connections: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/:id/connections',
    {
      config: { role: 'operator', audit: 'network.connect', networks: networkOfPath },
      schema: {
        operationId: 'connectContainer',
        summary: 'Connect a container to a network',
        params: NetworkParams,
        body: ConnectBody,
        response: { 201: EndpointSchema, ...MutationErrors },
      },
    },
    async (request, reply) => {
      const endpoint = await connect(request.engine, request.params.id, request.body);
      const t = request.engine.store.current;
      request.auditTarget = {
        network: own(t.networks, endpoint.networkId)?.name ?? endpoint.networkId,
        container: own(t.containers, endpoint.containerId)?.name ?? endpoint.containerId,
      };
      return reply.status(201).send(endpoint);
    },
  );

  app.delete(
    '/:id/connections/:container',
    {
      config: { role: 'operator', audit: 'network.disconnect', networks: networkOfPath },
      schema: {
        operationId: 'disconnectContainer',
        summary: 'Disconnect a container from a network',
        params: ConnectionParams,
        querystring: DisconnectQuery,
        response: { 204: Type.Null(), ...MutationErrors },
      },
    },
    async (request, reply) => {
      const { network, container } = await disconnect(
        request.engine,
        request.params.id,
        request.params.container,
        request.query.force ?? false,
      );
      request.auditTarget = { network: network.name, container: container.name };
      return reply.status(204).send(null);
    },
  );
};

export default connections;
