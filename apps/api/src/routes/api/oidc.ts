import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { OidcStatus, WEB_PAGES } from '@bridgeboard/contract';
import { accountFor } from '../../auth/oidc-accounts.js';
import { OidcRefusal, type OidcRefusalCode } from '../../auth/oidc-refusal.js';
import { PENDING_TTL_MS } from '../../auth/oidc-pending.js';
import { sha256 } from '../../auth/secrets.js';
import { isAdmin, revokeTokensOf } from '../../services/account-tokens.js';
import { atPrefix } from './at-prefix.js';

/** Binds a sign-in to the browser that started it; holds a random secret whose hash the server keeps with the state. */
const OIDC_COOKIE = 'bb_oidc';
const CALLBACK_PATH = '/api/auth/oidc/callback';
const NOT_CONFIGURED = 'single sign-on is not configured (OIDC_ISSUER, or an admin on the Users page)';

/** The status the trail records for a refusal (the browser itself gets a redirect to the sign-in page). */
const STATUS_OF: Record<OidcRefusalCode, number> = {
  'not-configured': 404,
  unavailable: 503,
  state: 401,
  provider: 401,
  token: 401,
  username: 403,
  'no-role': 403,
  'local-account': 403,
  disabled: 403,
};

const Redirect = Type.Null({ description: 'Found: Location says where the browser goes next' });

const CallbackQuery = Type.Object(
  {
    code: Type.Optional(Type.String({ maxLength: 4096 })),
    state: Type.Optional(Type.String({ maxLength: 512 })),
    iss: Type.Optional(Type.String({ maxLength: 2048 })),
    error: Type.Optional(Type.String({ maxLength: 256 })),
    error_description: Type.Optional(Type.String({ maxLength: 2048 })),
  },
  // Providers add their own (Keycloak's `session_state`); openid-client reads the query as sent.
  { additionalProperties: Type.String({ maxLength: 4096 }) },
);

/**
 * Single sign-on with the team's OpenID provider (issue 15): the code flow with PKCE, through
 * openid-client. A signed-in user gets the same session (cookie, CSRF token) as a password sign-in.
 */
const oidc: FastifyPluginAsyncTypebox<{ perWindow: number; windowMs: number; cookieSecure: 'auto' | true }> = async (app, opts) => {
  const limited = { public: true as const, rateLimit: { max: opts.perWindow, timeWindow: opts.windowMs } };

  /**
   * Sign-ins by nobody the provider vouched for are counted, as refused password sign-ins by unknown
   * names are; once it has (no role, disabled, a local name), the entry names the user.
   */
  const audit = (request: FastifyRequest, outcome: { user: string; role: 'viewer' | 'operator' | 'admin' } | OidcRefusal) => {
    const params = { via: 'oidc', ...(outcome instanceof OidcRefusal ? { reason: outcome.code } : {}) };
    if (outcome instanceof OidcRefusal && outcome.username === null) {
      app.auditLog.countRefusal({ action: 'auth.login', statusCode: STATUS_OF[outcome.code], error: outcome.message, client: request.ip });
      return;
    }
    const refused = outcome instanceof OidcRefusal;
    const entry = app.auditLog.append({
      user: refused ? outcome.username : outcome.user,
      role: refused ? null : outcome.role,
      action: 'auth.login',
      engine: null,
      network: null,
      container: null,
      params,
      result: refused ? 'refused' : 'ok',
      statusCode: refused ? STATUS_OF[outcome.code] : 302,
      error: refused ? outcome.message : null,
      client: request.ip,
    });
    for (const socket of app.io.of('/').sockets.values()) socket.emit('audit', entry);
  };

  const refuse = (request: FastifyRequest, reply: FastifyReply, refusal: OidcRefusal) => {
    request.log.info({ reason: refusal.code, err: refusal }, 'single sign-on refused');
    audit(request, refusal);
    return reply.redirect(`${WEB_PAGES.login}?error=${refusal.code}`, 302);
  };

  app.get(
    '/',
    {
      ...atPrefix,
      config: { public: true },
      schema: {
        operationId: 'getOidcStatus',
        summary: 'Whether single sign-on is offered, and its button’s text',
        response: { 200: OidcStatus },
      },
    },
    () => {
      const sso = app.oidc;
      return { enabled: sso !== null, label: sso?.settings.label ?? '' };
    },
  );

  app.get(
    '/start',
    {
      config: limited,
      schema: {
        operationId: 'startOidcSignIn',
        summary: 'Single sign-on: redirects to the provider (code flow, PKCE)',
        response: { 302: Redirect },
      },
    },
    async (request, reply) => {
      // Read once: an admin may switch the provider meanwhile.
      const sso = app.oidc;
      if (!sso) return refuse(request, reply, new OidcRefusal('not-configured', NOT_CONFIGURED));
      let started;
      // The answer to every refusal is a redirect to the sign-in page, not the JSON error of other routes.
      try {
        started = await sso.client.start();
      } catch (err) {
        if (err instanceof OidcRefusal) return refuse(request, reply, err);
        throw err;
      }
      // SameSite=Lax, not Strict: the provider sends the browser back with a cross-site top-level GET.
      void reply.setCookie(OIDC_COOKIE, started.browserSecret, {
        path: CALLBACK_PATH,
        httpOnly: true,
        sameSite: 'lax',
        secure: opts.cookieSecure,
        signed: true,
        maxAge: PENDING_TTL_MS / 1000,
      });
      return reply.redirect(started.url.href, 302);
    },
  );

  app.get(
    '/callback',
    {
      config: limited,
      schema: {
        operationId: 'finishOidcSignIn',
        summary: 'Single sign-on: the provider sends the browser back here; signs in and redirects to the board',
        querystring: CallbackQuery,
        response: { 302: Redirect },
      },
    },
    async (request, reply) => {
      const raw = request.cookies[OIDC_COOKIE];
      const unsigned = raw ? app.unsignCookie(raw) : null;
      const browser = unsigned?.valid && unsigned.value ? sha256(unsigned.value) : null;
      void reply.clearCookie(OIDC_COOKIE, { path: CALLBACK_PATH });
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
      let signedIn;
      // As in /start: refusals redirect to the sign-in page; anything else is a bug for the error handler.
      try {
        // Read once: a sign-in is finished with the provider that took it, or refused (its state is that provider's).
        const sso = app.oidc;
        if (!sso) throw new OidcRefusal('not-configured', NOT_CONFIGURED);
        const identity = await sso.client.finish(query, browser);
        const { user, before } = await accountFor(app.users, sso.settings, identity, app.grants);
        signedIn = { user, before, idToken: identity.idToken };
      } catch (err) {
        if (err instanceof OidcRefusal) return refuse(request, reply, err);
        throw err;
      }
      const { user, before, idToken } = signedIn;
      // Tokens an admin made act with their own role: they must not outlive the admin's rights
      // (as PATCH /api/users does), whether these came from a role or from a group's grant.
      if (before && isAdmin(app, before) && !isAdmin(app, user)) revokeTokensOf(app, user.username);
      // Other sockets of this user follow what its groups give now, not what they gave.
      if (before && before.groups.join('\n') !== user.groups.join('\n')) app.io.in(`user:${user.username}`).disconnectSockets(true);
      // A session this browser already had is replaced, not kept beside the new one.
      if (request.principal?.sessionId) app.sessions.remove(request.principal.sessionId);
      app.users.touchLogin(user.username);
      const principal = app.startSession(reply, user.username);
      if (principal.sessionId) app.rememberIdToken(principal.sessionId, idToken);
      audit(request, { user: user.username, role: user.role });
      return reply.redirect(WEB_PAGES.board, 302);
    },
  );
};

export default oidc;
