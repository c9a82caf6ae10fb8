import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EngineParams, ErrorResponse, ExportQuery, ExportResponse } from '@bridgeboard/contract';
import { exportTopology } from '../../../services/export.js';

/** The topology, or a selection of it, as docker commands or a compose file. */
const exportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/export',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'exportTopology',
        summary: 'The topology as docker commands or a compose file',
        params: EngineParams,
        querystring: ExportQuery,
        response: { 200: ExportResponse, 400: ErrorResponse, 401: ErrorResponse },
      },
    },
    (request) => exportTopology(request.engine.store.current, request.query),
  );
};

export default exportRoutes;
