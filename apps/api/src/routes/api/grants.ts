import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse, GrantCreateBody, GrantList, GrantParams, GrantSchema, type GrantSubject } from '@bridgeboard/contract';
import { isAdmin, revokeTokensOf } from '../../services/account-tokens.js';
import { atPrefix } from './at-prefix.js';

const Errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** Grants (issue 15), for admins. Whoever a grant reaches has its sockets closed, so that its board reconnects with what it may do now. */
const grants: FastifyPluginAsyncTypebox = async (app) => {
  /** The accounts a grant to `subject` reaches (none for a token). */
  const usersReached = (subject: GrantSubject) =>
    subject.kind === 'token'
      ? []
      : app.users.list().filter((u) => (subject.kind === 'user' ? u.username === subject.name : u.groups.includes(subject.name)));
  const endSocketsOf = (subject: GrantSubject) => {
    if (subject.kind === 'token') app.io.in(`token:${subject.name}`).disconnectSockets(true);
    for (const user of usersReached(subject)) app.io.in(`user:${user.username}`).disconnectSockets(true);
  };

  app.get(
    '/',
    {
      ...atPrefix,
      config: { role: 'admin' },
      schema: {
        operationId: 'listGrants',
        summary: 'Every grant: a role over a scope, for a user, a provider group or a token',
        response: { 200: GrantList, ...Errors },
      },
    },
    () => ({ grants: app.grants.list() }),
  );

  app.post(
    '/',
    {
      ...atPrefix,
      config: { role: 'admin', audit: 'grant.create' },
      schema: {
        operationId: 'createGrant',
        summary: 'Grant a role over all engines, one engine, or one engine’s networks by label or name pattern',
        body: GrantCreateBody,
        response: { 201: GrantSchema, ...Errors },
      },
    },
    async (request, reply) => {
      const { subject, scope } = request.body;
      // Users and tokens must exist (a typo would grant nothing, silently); groups are the provider's, known at sign-in.
      if (subject.kind === 'user' && !app.users.find(subject.name))
        throw app.httpErrors.notFound(`body/subject/name: no user '${subject.name}'`);
      if (subject.kind === 'token' && !app.tokens.byId(subject.name))
        throw app.httpErrors.notFound(`body/subject/name: no token with id '${subject.name}'`);
      if (scope.kind !== 'all' && !app.fleet.has(scope.engine))
        throw app.httpErrors.notFound(`body/scope/engine: no engine '${scope.engine}'`);
      const grant = app.grants.create(request.body, request.principal?.username ?? 'unknown');
      endSocketsOf(subject);
      return reply.status(201).send(grant);
    },
  );

  app.delete(
    '/:id',
    {
      config: { role: 'admin', audit: 'grant.remove' },
      schema: { operationId: 'removeGrant', summary: 'Take a grant back', params: GrantParams, response: { 204: Type.Null(), ...Errors } },
    },
    async (request, reply) => {
      const existing = app.grants.byId(request.params.id);
      if (!existing) throw app.httpErrors.notFound(`grant '${request.params.id}' does not exist`);
      const admins = usersReached(existing.subject).filter((u) => isAdmin(app, u));
      const grant = app.grants.remove(existing.id);
      if (!grant) throw app.httpErrors.notFound(`grant '${request.params.id}' does not exist`);
      // An admin by this grant alone is an admin no more: the tokens it made go (as when its role changes).
      for (const user of admins) if (!isAdmin(app, user)) revokeTokensOf(app, user.username);
      endSocketsOf(grant.subject);
      return reply.status(204).send(null);
    },
  );
};

export default grants;
