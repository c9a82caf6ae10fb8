import type { IncomingHttpHeaders } from 'node:http';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { roleAtLeast, roleOn, type Role } from '@bridgeboard/contract';
import { LoginGuard } from '../auth/login-guard.js';
import { accessOf, assertDeclared, engineOfRequest, tokenUsername, type Access, type Principal } from '../auth/principal.js';
import { newSecret, sha256 } from '../auth/secrets.js';
import { BridgeboardError } from '../errors.js';
import { setting } from '../store/database.js';
import { MUTATING } from './same-origin.js';

export const SESSION_COOKIE = 'bb_session';
const CSRF_COOKIE = 'bb_csrf';

declare module 'fastify' {
  /**
   * Who may call the route, declared once, here, by every route: the guards below enforce it, the
   * OpenAPI document states it (`x-role`) and the web's gating is generated from that. A route
   * with neither `role` nor `public` stops the app from starting (`assertDeclared`).
   */
  interface FastifyContextConfig {
    /** The least role that may call the route (`viewer`: anyone signed in). */
    role?: Role;
    /** Answered without a credential (sign-in, first-start setup, liveness, this API's description). */
    public?: boolean;
    /**
     * Why a viewer may call this route although it is not a read: it acts only on the caller's own
     * session (sign-out), or changes nothing (a plan asked for with a body).
     */
    selfService?: string;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyInstance {
    /** Who a raw request (the socket's handshake, say) comes from; null when nobody valid. */
    principalOf(headers: IncomingHttpHeaders, bearer?: unknown): Principal | null;
    /** Signs `username` in on this reply: a new session and its cookie. */
    startSession(reply: FastifyReply, username: string): Principal;
    /** Ends the request's session, if it has one, and clears the cookie. */
    endSession(request: FastifyRequest, reply: FastifyReply): void;
    /**
     * Hooks for the `/api` scope, in this order: `authenticate` (onRequest: 401 without a valid
     * session or token), `csrf` (onRequest: cookie-authenticated mutations need `x-csrf-token`),
     * `authorize` (preValidation: 403 below the route's role, before the body is even validated).
     */
    apiGuards: {
      authenticate: (request: FastifyRequest) => Promise<void>;
      csrf: (request: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => void;
      authorize: (request: FastifyRequest) => Promise<void>;
    };
    loginGuard: LoginGuard;
    /** While no user exists and no admin password was given: the one-time secret that creates the first admin. */
    setupToken: string | null;
  }
}

export interface AuthOptions {
  sessionSecret: string | undefined;
  sessionTtlMs: number;
  loginMaxAttempts: number;
  loginWindowMs: number;
  /** `auto` follows the request's protocol; `true` always (behind a TLS proxy). */
  cookieSecure: 'auto' | true;
}

/** What the request's route declares (`accessOf`); a request no route matched declares nothing. */
function accessOfRequest(request: FastifyRequest): Access | null {
  const { url, config, schema } = request.routeOptions;
  return accessOf({ url: url ?? '', method: request.method, config, schema });
}

function bearerOf(headers: IncomingHttpHeaders): string | null | undefined {
  const header = headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}

/**
 * Sessions and API tokens. Sessions live in SQLite; the browser holds a signed, HttpOnly,
 * SameSite=Strict cookie with the session's secret. Tokens come only in `Authorization: Bearer`
 * (never a query string, which ends up in logs and history).
 */
export default fp<AuthOptions>(
  async (fastify, opts) => {
    const secret = opts.sessionSecret ?? setting(fastify.db, 'cookie-secret', () => newSecret(48));
    await fastify.register(cookie, { secret, parseOptions: {} });
    await fastify.register(csrf, {
      sessionPlugin: '@fastify/cookie',
      cookieKey: CSRF_COOKIE,
      cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, signed: true, secure: opts.cookieSecure },
      // The token is bound to the session: one stolen from another session does not pass.
      getUserInfo: (request) => request.principal?.sessionId ?? '',
      getToken: (request) => request.headers['x-csrf-token'] as string | undefined,
      csrfOpts: { hmacKey: sha256(`csrf:${secret}`) },
    });

    fastify.decorate('loginGuard', new LoginGuard(opts.loginMaxAttempts, opts.loginWindowMs));
    fastify.decorateRequest('principal', null);

    const fromCookie = (headers: IncomingHttpHeaders): Principal | null => {
      const raw = headers.cookie ? fastify.parseCookie(headers.cookie)[SESSION_COOKIE] : undefined;
      if (!raw) return null;
      const unsigned = fastify.unsignCookie(raw);
      const session = unsigned.valid && unsigned.value ? fastify.sessions.find(unsigned.value) : null;
      if (!session) return null;
      return {
        username: session.username,
        role: session.role,
        engineRoles: session.engineRoles,
        via: 'session',
        sessionId: session.id,
        tokenId: null,
        expiresAt: session.expiresAt,
      };
    };
    const fromToken = (secretText: string): Principal | null => {
      const token = fastify.tokens.find(secretText);
      if (!token) return null;
      return {
        username: tokenUsername(token.name),
        role: token.role,
        engineRoles: token.engineRoles,
        via: 'token',
        sessionId: null,
        tokenId: token.id,
        expiresAt: null,
      };
    };

    fastify.decorate('principalOf', (headers: IncomingHttpHeaders, bearer?: unknown) => {
      const fromHeader = bearerOf(headers);
      // A credential that was offered and is wrong is never silently replaced by another one.
      if (fromHeader !== undefined) return fromHeader ? fromToken(fromHeader) : null;
      if (typeof bearer === 'string') return fromToken(bearer);
      return fromCookie(headers);
    });

    fastify.decorate('startSession', (reply: FastifyReply, username: string) => {
      const { secret: value, session } = fastify.sessions.create(username);
      reply.setCookie(SESSION_COOKIE, value, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: opts.cookieSecure,
        signed: true,
        expires: new Date(session.expiresAt),
      });
      const principal: Principal = {
        username,
        role: session.role,
        engineRoles: session.engineRoles,
        via: 'session',
        sessionId: session.id,
        tokenId: null,
        expiresAt: session.expiresAt,
      };
      reply.request.principal = principal;
      return principal;
    });

    fastify.decorate('endSession', (request: FastifyRequest, reply: FastifyReply) => {
      if (request.principal?.sessionId) fastify.sessions.remove(request.principal.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      reply.clearCookie(CSRF_COOKIE, { path: '/' });
    });

    // Every route added from here on (all of /api, /metrics, the web app's files) says who may call
    // it, or the app does not start. The only routes added before are the OpenAPI plugin's own.
    fastify.addHook('onRoute', (route) => {
      assertDeclared(route);
    });

    fastify.decorate('apiGuards', {
      authenticate: async (request: FastifyRequest) => {
        request.principal = fastify.principalOf(request.headers);
        if (request.principal || accessOfRequest(request) === 'public') return;
        throw fastify.httpErrors.unauthorized(
          request.headers.authorization ? 'invalid or revoked API token' : 'sign in first: no valid session (POST /api/auth/login)',
        );
      },
      // Bearer callers carry their credential explicitly, so a forged cross-site request cannot use it.
      csrf: (request: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => {
        if (request.principal?.via !== 'session' || !MUTATING.has(request.method) || accessOfRequest(request) === 'public') {
          done();
          return;
        }
        fastify.csrfProtection(request, reply, done);
      },
      authorize: async (request: FastifyRequest) => {
        const access = accessOfRequest(request);
        if (access === 'public') return;
        // No route without a declaration gets this far (`assertDeclared`); should one, admins only.
        const needed = access ?? 'admin';
        const principal = request.principal;
        // On a route of one engine, the caller's role on that engine; elsewhere the default role.
        const engine = engineOfRequest(request);
        const role = principal && (engine === null ? principal.role : roleOn(principal, engine));
        if (principal && role && roleAtLeast(role, needed)) return;
        const where = engine === null ? '' : ` on engine '${engine}'`;
        if (principal && role === 'none')
          throw new BridgeboardError('forbidden', `${principal.username} has no access to engine '${engine ?? ''}'`);
        throw new BridgeboardError(
          'forbidden',
          principal
            ? `${principal.username} is ${role ?? principal.role}${where}: this needs the ${needed} role`
            : `this needs the ${needed} role`,
        );
      },
    });

    fastify.decorate('setupToken', null);
  },
  { name: 'auth', dependencies: ['database', '@fastify/sensible'] },
);
