import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse, TokenCreateBody, TokenCreated, TokenList, TokenParams } from '@bridgeboard/contract';
import { atPrefix } from './at-prefix.js';

const Errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** API tokens for scripts, for admins. The secret is in the create answer and nowhere else. */
const tokens: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      ...atPrefix,
      config: { role: 'admin' },
      schema: { operationId: 'listTokens', summary: 'The API tokens (never their secrets)', response: { 200: TokenList, ...Errors } },
    },
    () => ({ tokens: app.tokens.list() }),
  );

  app.post(
    '/',
    {
      ...atPrefix,
      config: { role: 'admin', audit: 'token.create' },
      schema: {
        operationId: 'createToken',
        summary: 'Make an API token; the answer holds its secret, once',
        body: TokenCreateBody,
        response: { 201: TokenCreated, ...Errors },
      },
    },
    async (request, reply) => {
      // The audit and presence know a token by its name: two of the same name would be one actor.
      if (app.tokens.nameTaken(request.body.name)) {
        throw app.httpErrors.conflict(`body/name: a token named '${request.body.name}' exists; revoke it or pick another name`);
      }
      const creator = request.principal?.username ?? 'unknown';
      const { token, secret } = app.tokens.create(request.body.name, request.body.role, creator, request.body.engineRoles);
      return reply.status(201).send({ ...token, token: secret });
    },
  );

  app.delete(
    '/:id',
    {
      config: { role: 'admin', audit: 'token.revoke' },
      schema: {
        operationId: 'revokeToken',
        summary: 'Revoke an API token and close its sockets',
        params: TokenParams,
        response: { 204: Type.Null(), ...Errors },
      },
    },
    async (request, reply) => {
      if (!app.tokens.revoke(request.params.id)) throw app.httpErrors.notFound(`token '${request.params.id}' does not exist`);
      app.grants.removeFor({ kind: 'token', name: request.params.id });
      app.io.in(`token:${request.params.id}`).disconnectSockets(true);
      return reply.status(204).send(null);
    },
  );
};

export default tokens;
