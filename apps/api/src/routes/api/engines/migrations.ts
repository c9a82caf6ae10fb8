import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { MigrationProgress } from '@bridgeboard/contract';
import { engineRoom } from '../../../plugins/realtime.js';
import { EngineParams, ErrorResponse, MigrationBody, MigrationPlanSchema, MigrationResult, MutationErrors } from '@bridgeboard/contract';
import { applyMigration, planFor } from '../../../services/migration.js';
import { atPrefix } from '../at-prefix.js';
import { networksOfMigration } from './network-targets.js';

/** Off the default bridge: a plan anyone may look at, applied by an operator. */
const migrations: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/plan',
    {
      config: { role: 'viewer', selfService: 'changes nothing: a POST only because the plan is asked for with a body' },
      schema: {
        operationId: 'planMigration',
        summary: 'Plan moving containers off the default bridge (changes nothing)',
        params: EngineParams,
        body: MigrationBody,
        response: { 200: MigrationPlanSchema, 400: ErrorResponse, 401: ErrorResponse },
      },
    },
    async (request) => planFor(request.engine, request.body),
  );

  app.post(
    '/',
    {
      ...atPrefix,
      config: { role: 'operator', audit: 'migration.apply', networks: networksOfMigration },
      schema: {
        operationId: 'applyMigration',
        summary: 'Move containers off the default bridge onto a new network',
        params: EngineParams,
        body: MigrationBody,
        response: { 201: MigrationResult, ...MutationErrors },
      },
    },
    async (request, reply) => {
      const { engine } = request;
      const tell = (progress: MigrationProgress) => app.io.to(engineRoom(engine.id)).emit('migration', progress);
      const result = await applyMigration(engine, request.body, request.principal?.username ?? 'unknown', tell);
      if (result.plan.network) request.auditTarget = { network: result.plan.network.name };
      return reply.status(201).send(result);
    },
  );
};

export default migrations;
