import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AccessAnswer, AccessQuery, EngineRef, ErrorResponse, RightsSchema, UsernameParams } from '@bridgeboard/contract';
import { accessOn, holderOf, rightsOf } from '../../services/rights.js';

const Errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

/** What a user may do where, and why not, for admins (the rights page). */
const rights: FastifyPluginAsyncTypebox = async (app) => {
  const userOf = (username: string) => {
    const user = app.users.find(username);
    if (!user) throw app.httpErrors.notFound(`user '${username}' does not exist`);
    return user;
  };

  app.get(
    '/:username/rights',
    {
      config: { role: 'admin' },
      schema: {
        operationId: 'getUserRights',
        summary: "A user's rights: per engine its role and what gave it, and the networks where a grant gives more",
        params: UsernameParams,
        response: { 200: RightsSchema, ...Errors },
      },
    },
    (request) => rightsOf(userOf(request.params.username), app.grants, app.fleet),
  );

  app.get(
    '/:username/access',
    {
      config: { role: 'admin' },
      schema: {
        operationId: 'explainUserAccess',
        summary: 'Why a user may or may not act with a role on an engine or one of its networks: the grant it lacks',
        params: UsernameParams,
        querystring: Type.Object({ ...AccessQuery.properties, engine: EngineRef }, { additionalProperties: false }),
        response: { 200: AccessAnswer, ...Errors },
      },
    },
    (request) => {
      const { engine, role, network } = request.query;
      return accessOn(holderOf(userOf(request.params.username), app.grants), app.fleet, engine, role, network);
    },
  );
};

export default rights;
