import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EngineParams, ErrorResponse, ExportQuery, ExportResponse, ExposureResponse } from '@bridgeboard/contract';
import { exposure, lints, swarmExposure } from '@bridgeboard/topology';
import { exportTopology } from '../../../services/export.js';

/** What is exposed and what to fix (exposure, lints), and the topology as commands or compose. */
const wiring: FastifyPluginAsyncTypebox = async (app) => {
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

export default wiring;
