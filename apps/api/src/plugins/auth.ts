import type { IncomingHttpHeaders } from 'node:http';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import {
  defaultAccess,
  engineAccess,
  isNetworkScope,
  missingGrant,
  networkAccess,
  roleAtLeast,
  type Basis,
  type EngineRole,
  type NetworkFacts,
  type Role,
} from '@bridgeboard/contract';
import { findNetwork } from '@bridgeboard/topology';
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
    /**
     * The networks the route acts on, so that a grant on networks (by label or name pattern) can
     * allow it: each by reference (a name or id on the route's engine) or as proposed (a network to
     * be made, or a network's new name and labels). Read before the body is validated (a refusal
     * comes first), so it must expect anything there. A route that declares none is allowed only by
     * a role or grant on its whole engine.
     */
    networks?: (request: FastifyRequest) => NetworkTarget[];
  }
  interface FastifyRequest {
    principal: Principal | null;
    /** What allowed the request: the role it acts under and each right that gave it (the audit names them). */
    access: { role: EngineRole; basis: Basis[] } | null;
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
     * `authorize` (preValidation: 403 below the route's role, before the body is even validated;
     * on a route of networks, grants on networks against each network it declares it acts on).
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

/** A network a route acts on: one that exists (by name or id) or one as it is to be. */
export type NetworkTarget = { ref: string } | { proposed: NetworkFacts };

/** Whether some grant on networks of `engine` gives at least `needed`: only then is a route of networks worth checking network by network. */
const networkGrantsCanAllow = (principal: Principal, engine: string, needed: Role): boolean =>
  principal.grants.some((g) => isNetworkScope(g.scope) && g.scope.engine === engine && roleAtLeast(g.role, needed));

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
    fastify.decorateRequest('access', null);

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
        grants: fastify.grants.rulesFor({ user: session.username, groups: session.groups }),
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
        grants: fastify.grants.rulesFor({ token: token.id }),
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
        grants: fastify.grants.rulesFor({ user: username, groups: session.groups }),
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
        if (!principal) throw new BridgeboardError('forbidden', `this needs the ${needed} role`);
        // On a route of one engine, the caller's rights on that engine; elsewhere its default role.
        const engine = engineOfRequest(request);
        const has = engine === null ? defaultAccess(principal) : engineAccess(principal, engine);
        if (roleAtLeast(has.role, needed)) {
          request.access = { role: has.role, basis: [has.basis] };
          return;
        }
        const declared = request.routeOptions.config.networks;
        if (engine !== null && declared && networkGrantsCanAllow(principal, engine, needed)) {
          request.access = allowedOnNetworks(principal, engine, needed, declared(request));
          return;
        }
        if (has.role === 'none') throw new BridgeboardError('forbidden', `${principal.username} has no access to engine '${engine ?? ''}'`);
        const where = engine === null ? '' : ` on engine '${engine}'`;
        throw new BridgeboardError('forbidden', `${principal.username} is ${has.role}${where}: this needs the ${needed} role`);
      },
    });

    /** Grants on networks, against each network the route acts on; the lowest role they give is the one the request acts under. */
    const allowedOnNetworks = (
      principal: Principal,
      engineId: string,
      needed: Role,
      targets: NetworkTarget[],
    ): FastifyRequest['access'] => {
      // A route of networks that names none acts on nothing a grant on networks could allow.
      if (targets.length === 0)
        throw new BridgeboardError('forbidden', `only a grant on the whole engine '${engineId}' allows ${needed} here`);
      const topology = fastify.fleet.get(engineId).store.current;
      const allowedBy = new Map<string, Basis>();
      let role: Role = 'admin';
      for (const target of targets) {
        // An empty reference is a prefix of every id: it must not find the engine's only network.
        const network = 'proposed' in target ? target.proposed : target.ref === '' ? undefined : findNetwork(topology, target.ref);
        if (!network) {
          throw new BridgeboardError(
            'forbidden',
            `no network '${'ref' in target ? target.ref : ''}' is known on engine '${engineId}': only a grant on the whole engine allows ${needed} there`,
          );
        }
        const has = networkAccess(principal, engineId, network);
        if (!roleAtLeast(has.role, needed)) throw new BridgeboardError('forbidden', missingGrant(principal, engineId, network, needed));
        allowedBy.set(JSON.stringify(has.basis), has.basis);
        if (has.role !== 'none' && !roleAtLeast(has.role, role)) role = has.role;
      }
      return { role, basis: [...allowedBy.values()] };
    };

    fastify.decorate('setupToken', null);
  },
  { name: 'auth', dependencies: ['database', '@fastify/sensible'] },
);
