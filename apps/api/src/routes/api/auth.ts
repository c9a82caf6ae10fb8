import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse, LoginBody, MeResponse, SetupBody, SetupStatus, SignOutAnswer } from '@bridgeboard/contract';
import { decoyHash, verifyPassword } from '../../auth/passwords.js';
import type { Principal } from '../../auth/principal.js';
import { sameSecret } from '../../auth/secrets.js';

const AuthErrors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse, 429: ErrorResponse };

function me(reply: FastifyReply, principal: Principal) {
  return {
    user: {
      username: principal.username,
      role: principal.role,
      engineRoles: principal.engineRoles,
      grants: principal.grants,
      via: principal.via,
    },
    csrfToken: principal.sessionId ? reply.generateCsrf({ userInfo: principal.sessionId }) : null,
    expiresAt: principal.expiresAt === null ? null : new Date(principal.expiresAt).toISOString(),
  };
}

const auth: FastifyPluginAsyncTypebox<{ loginPerWindow: number; loginWindowMs: number }> = async (app, opts) => {
  // Setup is over as soon as any user exists (`bridgeboard users add` may have made one meanwhile).
  const setupOpen = () => app.setupToken !== null && app.users.count() === 0;
  app.get(
    '/setup',
    {
      config: { public: true },
      schema: { operationId: 'getSetupStatus', summary: 'Whether first-start setup is open', response: { 200: SetupStatus } },
    },
    () => ({ required: setupOpen() }),
  );

  app.post(
    '/setup',
    {
      config: { public: true, audit: 'auth.setup' },
      schema: {
        operationId: 'createFirstAdmin',
        summary: 'Create the first admin with the setup token from the server log',
        body: SetupBody,
        response: { 200: MeResponse, ...AuthErrors },
      },
    },
    async (request, reply) => {
      const expected = app.setupToken;
      if (expected === null || !setupOpen()) throw app.httpErrors.conflict('setup is done: sign in instead');
      if (!sameSecret(request.body.setupToken, expected))
        throw app.httpErrors.forbidden('body/setupToken is not the token in the server log');
      const user = await app.users.create(request.body.username, request.body.password, 'admin');
      if (!user) throw app.httpErrors.conflict(`user '${request.body.username}' exists`);
      // Only once the admin exists: a failed create leaves the token usable.
      app.setupToken = null;
      request.log.info({ user: user.username }, 'first admin created with the setup token');
      return me(reply, app.startSession(reply, user.username));
    },
  );

  app.post(
    '/login',
    {
      config: {
        public: true,
        audit: 'auth.login',
        // Per address, across names; the per-name lockout below is the strict part.
        rateLimit: { max: opts.loginPerWindow, timeWindow: opts.loginWindowMs },
      },
      schema: {
        operationId: 'signIn',
        summary: 'Sign in: starts a session (cookie)',
        body: LoginBody,
        response: { 200: MeResponse, ...AuthErrors },
      },
    },
    async (request: FastifyRequest<{ Body: LoginBody }>, reply) => {
      const { username, password } = request.body;
      const key = `${username.toLowerCase()}@${request.ip}`;
      const wait = app.loginGuard.retryAfter(key);
      if (wait > 0) {
        const seconds = Math.ceil(wait / 1000);
        void reply.header('retry-after', String(seconds));
        throw app.httpErrors.tooManyRequests(`too many failed sign-ins for '${username}': try again in ${seconds} s`);
      }
      // Counted before the slow check, so guesses sent in parallel cannot all get past the lockout.
      app.loginGuard.fail(key);
      const user = app.users.find(username);
      // Same work whether or not the name exists.
      const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
      if (!user || !ok) throw app.httpErrors.unauthorized('wrong username or password');
      app.loginGuard.succeed(key);
      // Said only to whoever knows the password: a guesser learns nothing from it.
      if (user.disabled) throw app.httpErrors.forbidden(`${user.username} is disabled by an admin`);
      // Its password is a secret nobody holds, unless an admin set one: the provider is its only way in.
      if (user.source === 'oidc') throw app.httpErrors.forbidden(`${user.username} signs in with single sign-on, not a password`);
      app.users.touchLogin(user.username);
      return me(reply, app.startSession(reply, user.username));
    },
  );

  app.post(
    '/logout',
    {
      config: { role: 'viewer', selfService: 'ends only the caller’s own session', audit: 'auth.logout' },
      schema: {
        operationId: 'signOut',
        summary: 'Sign out: ends the session and its sockets (and says where the provider ends its own, after single sign-on)',
        response: { 200: SignOutAnswer, 204: Type.Null(), ...AuthErrors },
      },
    },
    async (request, reply) => {
      const sessionId = request.principal?.sessionId;
      // Asked before the session ends: its ID token goes with it.
      const endSessionUrl = sessionId ? await app.oidcSignOutUrl(sessionId) : null;
      app.endSession(request, reply);
      if (sessionId) app.io.in(`session:${sessionId}`).disconnectSockets(true);
      if (endSessionUrl) return reply.status(200).send({ endSessionUrl });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'getMe',
        summary: 'Who is signed in, and the CSRF token of their session',
        response: { 200: MeResponse, 401: ErrorResponse },
      },
    },
    (request, reply) => {
      if (!request.principal) throw app.httpErrors.unauthorized('sign in first');
      return me(reply, request.principal);
    },
  );
};

export default auth;
