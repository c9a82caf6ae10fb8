import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AuditPage, AuditQuery, ErrorResponse } from '@bridgeboard/contract';

/** The audit trail, newest first; every signed-in role may read it. */
const audit: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/audit',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'listAuditEntries',
        summary: 'The audit trail, newest first, one page',
        querystring: AuditQuery,
        response: { 200: AuditPage, 400: ErrorResponse, 401: ErrorResponse },
      },
    },
    (request) => app.auditLog.query(request.query),
  );
};

export default audit;
