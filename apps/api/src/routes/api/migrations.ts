import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, MigrationBody, MigrationPlanSchema, MigrationResult, MutationErrors } from '@bridgeboard/contract';
import { applyMigration, planFor } from '../../services/migration.js';

/** Off the default bridge: a plan anyone may look at, applied by an operator. */
const migrations: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/plan',
    { schema: { body: MigrationBody, response: { 200: MigrationPlanSchema, 400: ErrorResponse, 401: ErrorResponse } } },
    async (request) => planFor(app, request.body),
  );

  app.post(
    '/',
    {
      config: { role: 'operator', audit: 'migration.apply' },
      schema: { body: MigrationBody, response: { 201: MigrationResult, ...MutationErrors } },
    },
    async (request, reply) => {
      const result = await applyMigration(app, request.body, request.principal?.username ?? 'unknown');
      if (result.plan.network) request.auditTarget = { network: result.plan.network.name };
      return reply.status(201).send(result);
    },
  );
};

export default migrations;
