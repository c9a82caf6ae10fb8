import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AccessAnswer, AccessQuery, EngineParams, ErrorResponse } from '@bridgeboard/contract';
import { accessOn } from '../../../services/rights.js';

/** "Why can't I?": the caller's own rights on this engine or one of its networks, and the grant it lacks. */
const access: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/access',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'explainMyAccess',
        summary: 'Whether you may act with a role on this engine or one of its networks; if not, the grant you lack',
        params: EngineParams,
        querystring: AccessQuery,
        response: { 200: AccessAnswer, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    (request) => {
      // The guards let nobody unsigned through; this only tells the type so.
      if (!request.principal) throw app.httpErrors.unauthorized('sign in first');
      return accessOn(request.principal, app.fleet, request.engine.id, request.query.role, request.query.network);
    },
  );
};

export default access;
