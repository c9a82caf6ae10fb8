import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AuditPage, AuditQuery, ErrorResponse, maySee } from '@bridgeboard/contract';

/** The audit trail, newest first; every signed-in role may read it, less the engines they have no access to. */
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
    (request) => {
      const { principal } = request;
      const hidden = principal ? Object.keys(principal.engineRoles).filter((engine) => !maySee(principal, engine)) : [];
      return app.auditLog.query(request.query, hidden);
    },
  );
};

export default audit;
