import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse, UserCreateBody, UserList, UserSchema, UserUpdateBody, UsernameParams } from '@bridgeboard/contract';
import { publicUser } from '../../auth/user-store.js';
import { revokeTokensOf as revokeTokens } from '../../services/account-tokens.js';
import { atPrefix } from './at-prefix.js';

const Errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** Accounts, for admins. A user's sessions (and open sockets) end when the account changes role or goes. */
const users: FastifyPluginAsyncTypebox = async (app) => {
  const revokeTokensOf = (username: string) => revokeTokens(app, username);

  app.get(
    '/',
    {
      ...atPrefix,
      config: { role: 'admin' },
      schema: { operationId: 'listUsers', summary: 'The user accounts', response: { 200: UserList, ...Errors } },
    },
    () => ({ users: app.users.list().map(publicUser) }),
  );

  app.post(
    '/',
    {
      ...atPrefix,
      config: { role: 'admin', audit: 'user.create' },
      schema: { operationId: 'createUser', summary: 'Add a user account', body: UserCreateBody, response: { 201: UserSchema, ...Errors } },
    },
    async (request, reply) => {
      const user = await app.users.create(request.body.username, request.body.password, request.body.role);
      if (!user) throw app.httpErrors.conflict(`body/username '${request.body.username}' is taken`);
      return reply.status(201).send(publicUser(user));
    },
  );

  app.patch(
    '/:username',
    {
      config: { role: 'admin', audit: 'user.update' },
      schema: {
        operationId: 'updateUser',
        summary: 'Change a user’s role or password (ends their sessions)',
        params: UsernameParams,
        body: UserUpdateBody,
        response: { 200: UserSchema, ...Errors },
      },
    },
    async (request) => {
      const { username } = request.params;
      const current = app.users.find(username);
      if (!current) throw app.httpErrors.notFound(`user '${username}' does not exist`);
      if (current.role === 'admin' && request.body.role && request.body.role !== 'admin' && app.users.admins() === 1) {
        throw app.httpErrors.conflict(`'${username}' is the last admin: make another admin first`);
      }
      const updated = await app.users.update(username, request.body);
      if (!updated) throw app.httpErrors.notFound(`user '${username}' does not exist`);
      if (updated === 'last-admin') throw app.httpErrors.conflict(`'${username}' is the last admin: make another admin first`);
      // A new role or password takes effect now, not at the next sign-in.
      app.sessions.removeForUser(username);
      app.io.in(`user:${username}`).disconnectSockets(true);
      // Tokens an admin made act with their own role: they must not outlive the admin's rights.
      if (current.role === 'admin' && updated.role !== 'admin') revokeTokensOf(username);
      return publicUser(updated);
    },
  );

  app.delete(
    '/:username',
    {
      config: { role: 'admin', audit: 'user.remove' },
      schema: {
        operationId: 'deleteUser',
        summary: 'Remove a user account (never the last admin)',
        params: UsernameParams,
        response: { 204: Type.Null(), ...Errors },
      },
    },
    async (request, reply) => {
      const { username } = request.params;
      const current = app.users.find(username);
      if (!current) throw app.httpErrors.notFound(`user '${username}' does not exist`);
      if (current.role === 'admin' && app.users.admins() === 1) throw app.httpErrors.conflict(`'${username}' is the last admin`);
      app.users.remove(username);
      // A later account of the same name starts with nothing.
      app.grants.removeFor({ kind: 'user', name: username });
      app.io.in(`user:${username}`).disconnectSockets(true);
      revokeTokensOf(username);
      return reply.status(204).send(null);
    },
  );
};

export default users;
