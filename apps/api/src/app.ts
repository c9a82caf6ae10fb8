import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { fileURLToPath } from 'node:url';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import sensible from '@fastify/sensible';
import type { FastifyPluginAsync } from 'fastify';
import { bootstrapAccounts } from './auth/bootstrap.js';
import { isLoopback } from './loopback.js';
import oidcPlugin from './auth/oidc-plugin.js';
import {
  clientAddressOf,
  databasePath,
  defaultEngineSpec,
  forwardedHostOf,
  oidcRedirectsOf,
  oidcSettingsOf,
  serverOriginOf,
  type Config,
} from './config.js';
import type { WatcherOptions } from './engine/engine-watcher.js';
import audit from './plugins/audit.js';
import auth from './plugins/auth.js';
import database from './plugins/database.js';
import errorHandler from './plugins/error-handler.js';
import metrics from './plugins/metrics.js';
import openapi from './plugins/openapi.js';
import engines from './plugins/engines.js';
import fleet from './plugins/fleet.js';
import realtime from './plugins/realtime.js';
import settingsPlugin from './plugins/settings.js';
import sameOrigin from './plugins/same-origin.js';
import web from './plugins/web.js';
import auditRoute from './routes/api/audit.js';
import authRoutes from './routes/api/auth.js';
import health from './routes/api/health.js';
import oidcRoutes from './routes/api/oidc.js';
import oidcSettingsRoutes from './routes/api/oidc-settings.js';
import userDisabled from './routes/api/user-disabled.js';
import engineRoutes from './routes/api/engines/index.js';
import tokens from './routes/api/tokens.js';
import grants from './routes/api/grants.js';
import rights from './routes/api/rights.js';
import settingsRoutes from './routes/api/settings.js';
import users from './routes/api/users.js';

export interface AppOptions {
  config: Config;
  watcher?: Partial<WatcherOptions>;
}

/**
 * The whole app as one plugin; `server.ts` and the tests build exactly this. Plugins are
 * registered by hand rather than autoloaded: the list is short and the order is visible here.
 */
const app: FastifyPluginAsync<AppOptions> = async (fastify, opts) => {
  const { config } = opts;
  await fastify.register(sensible);
  await fastify.register(errorHandler);
  await fastify.register(helmet, { contentSecurityPolicy: { useDefaults: false, directives: CSP } });
  await fastify.register(rateLimit, { max: config.RATE_LIMIT_PER_MINUTE, timeWindow: 60_000 });
  // The plugin adds its limit to each route, and a route's own hooks run after its scope's: the
  // /api guards would refuse an anonymous request (401) before it was ever counted. Counted here,
  // first, instead; routes with a limit of their own (sign-in) keep theirs.
  const limitEveryRequest = fastify.rateLimit();
  fastify.addHook('onRequest', async (request, reply) => {
    if (!request.routeOptions.config.rateLimit) await limitEveryRequest.call(fastify, request, reply);
  });
  // The id every log line of a request carries, handed back so a user's report can be found in the logs.
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  await fastify.register(openapi);
  // This server as browsers name it, once: the Host/Origin checks of REST, CSRF-guarded changes and
  // the socket's handshake all use it. A non-loopback HOST without PUBLIC_URL stops the start here.
  await fastify.register(sameOrigin, { origin: serverOriginOf(config), forwardedHost: forwardedHostOf(config) });
  await fastify.register(database, { path: databasePath(config), sessionTtlMs: config.SESSION_TTL_SECONDS * 1000 });
  await fastify.register(auth, {
    sessionSecret: config.SESSION_SECRET,
    sessionTtlMs: config.SESSION_TTL_SECONDS * 1000,
    loginMaxAttempts: config.LOGIN_MAX_ATTEMPTS,
    loginWindowMs: config.LOGIN_WINDOW_SECONDS * 1000,
    cookieSecure: config.COOKIE_SECURE === 'true' ? true : 'auto',
  });
  await fastify.register(oidcPlugin, {
    environment: oidcSettingsOf(config),
    redirects: oidcRedirectsOf(config),
    secretKey: config.BRIDGEBOARD_SECRET_KEY,
  });
  await bootstrapAccounts(fastify, {
    adminUser: config.BRIDGEBOARD_ADMIN_USER,
    adminPassword: config.BRIDGEBOARD_ADMIN_PASSWORD,
    exposed: !isLoopback(config.HOST),
  });
  await fastify.register(fleet, { watcher: opts.watcher ?? {} });
  await fastify.register(metrics, { public: config.METRICS_PUBLIC });
  await fastify.register(settingsPlugin);
  await fastify.register(realtime, { clientAddress: clientAddressOf(config) });
  await fastify.register(engines, {
    defaultEngine: defaultEngineSpec(config),
    enginesFile: config.ENGINES_FILE,
    secretKey: config.BRIDGEBOARD_SECRET_KEY,
  });
  await fastify.register(audit, { retentionDays: config.AUDIT_RETENTION_DAYS });

  await fastify.register(
    async (api) => {
      api.addHook('onRequest', api.apiGuards.authenticate);
      api.addHook('onRequest', api.apiGuards.csrf);
      api.addHook('preValidation', api.apiGuards.authorize);
      await api.register(health);
      await api.register(authRoutes, {
        prefix: '/auth',
        // The per-name lockout is the strict guard; this bounds one address guessing across names.
        loginPerWindow: config.LOGIN_MAX_ATTEMPTS * 5,
        loginWindowMs: config.LOGIN_WINDOW_SECONDS * 1000,
      });
      await api.register(oidcRoutes, {
        prefix: '/auth/oidc',
        perWindow: config.LOGIN_MAX_ATTEMPTS * 5,
        windowMs: config.LOGIN_WINDOW_SECONDS * 1000,
        cookieSecure: config.COOKIE_SECURE === 'true' ? true : 'auto',
      });
      await api.register(users, { prefix: '/users' });
      await api.register(userDisabled, { prefix: '/users' });
      await api.register(tokens, { prefix: '/tokens' });
      await api.register(grants, { prefix: '/grants' });
      await api.register(rights, { prefix: '/users' });
      await api.register(auditRoute);
      await api.register(settingsRoutes, { prefix: '/settings' });
      await api.register(oidcSettingsRoutes, { prefix: '/settings/oidc' });
      await api.register(engineRoutes, { prefix: '/engines', probeConcurrency: config.PROBE_CONCURRENCY });
    },
    { prefix: '/api' },
  );

  await fastify.register(web, { root: opts.config.WEB_DIST ?? fileURLToPath(new URL('../../web/dist', import.meta.url)) });
};

export default app;

/** What the built web app needs and nothing more: its own scripts, styles (React Flow and sonner set inline ones), and its socket. */
const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Options for `Fastify()` that the app relies on (tests pass the same). */
export const serverOptions = {
  // Unknown fields must be refused, not silently dropped (Fastify's default removes them).
  ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array' as const, allErrors: false } },
  // The largest legitimate body (a network with many options) is a few KiB.
  bodyLimit: 64 * 1024,
  // Long ids must reach the schema (400 naming the field), not the router's own 414.
  routerOptions: { maxParamLength: 2000 },
  genReqId: requestId,
};

/** A proxy's `x-request-id` is kept when it looks like an id (it ends up in every log line); otherwise a new UUID. */
function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.:-]{1,64}$/.test(given) ? given : randomUUID();
}

/**
 * Log fields that must never be written, whatever logs them. Fastify's own request and response
 * serializers leave headers out; these hold should a header or body ever be logged whole.
 * `setupToken` is not here on purpose: the first-start token must reach the operator.
 */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'password',
  '*.password',
  'body.password',
  'token',
  '*.token',
  // An engine's keys (POST /api/engines), should a body ever be logged.
  'body.tls',
  'body.ssh',
  '*.privateKey',
  '*.passphrase',
  // Single sign-on's client secret (PUT /api/settings/oidc).
  '*.clientSecret',
];
