import { readFileSync } from 'node:fs';
import proxyAddr from '@fastify/proxy-addr';
import type { IncomingMessage } from 'node:http';
import { envSchema } from 'env-schema';
import { Type, type Static } from 'typebox';
import { DEFAULT_ENGINE_ID } from '@bridgeboard/contract';
import { providerIssuer } from './auth/oidc-issuer.js';
import { parseGroupRoles } from './auth/oidc-roles.js';
import type { OidcSettings } from './auth/oidc-settings.js';
import type { EngineConnection } from './fleet/engine-client.js';
import type { EngineSpec } from './fleet/engine.js';
import { isLoopback, LOOPBACK_NAMES } from './loopback.js';

export type { EngineConnection, OidcSettings };

/** Every setting Bridgeboard reads, validated once. Nothing else reads `process.env`. */
const ConfigSchema = Type.Object({
  PORT: Type.Integer({ minimum: 1, maximum: 65535, default: 8080 }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  DOCKER_HOST: Type.Optional(Type.String({ pattern: '^(unix://.+|tcp://[^/]+)$' })),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  /** Where the built web app is; served at `/` when it exists. */
  WEB_DIST: Type.Optional(Type.String({ minLength: 1 })),
  /** Holds the SQLite database (users, sessions, tokens, audit). */
  DATA_DIR: Type.String({ minLength: 1, default: 'data' }),
  /** The database file; `DATA_DIR/bridgeboard.db` when unset. */
  DATABASE_PATH: Type.Optional(Type.String({ minLength: 1 })),
  /** Creates the admin account with this password at start if it is missing (an existing one keeps its password). Without it and without users, a setup token is logged. */
  BRIDGEBOARD_ADMIN_PASSWORD: Type.Optional(Type.String({ minLength: 10, maxLength: 256 })),
  BRIDGEBOARD_ADMIN_USER: Type.String({ pattern: '^[a-z][a-z0-9_.-]{1,31}$', default: 'admin' }),
  /**
   * Behind a reverse proxy: whose `X-Forwarded-For` to believe (its addresses or CIDRs,
   * comma-separated). Unset, every client is the address that connected — behind a proxy, the proxy,
   * so the sign-in lockout and the rate limits would count the whole team as one client.
   */
  TRUST_PROXY: Type.Optional(Type.String({ pattern: '^[0-9a-fA-F.:/]+(\\s*,\\s*[0-9a-fA-F.:/]+)*$' })),
  /**
   * The URL users type (`https://bridgeboard.example.com`), comma-separated when browsers reach the
   * server under several names. Only requests sent to its names are answered, and only its pages may
   * change anything (see `serverOriginOf`). Required when HOST is not a loopback address.
   */
  PUBLIC_URL: Type.Optional(Type.String()),
  /** `auto`: Secure cookies when the request came over https (as the proxy says, with TRUST_PROXY); `true` behind a TLS proxy. */
  COOKIE_SECURE: Type.Union([Type.Literal('auto'), Type.Literal('true')], { default: 'auto' }),
  /** Signs cookies. Generated once and kept in the database when unset. */
  SESSION_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  /** A session ends this long after sign-in, whatever happens. */
  SESSION_TTL_SECONDS: Type.Integer({ minimum: 1, maximum: 14 * 24 * 3600, default: 12 * 3600 }),
  /** Failed sign-ins for one name (or from one address) before sign-in is refused for the window. */
  LOGIN_MAX_ATTEMPTS: Type.Integer({ minimum: 1, maximum: 1000, default: 10 }),
  LOGIN_WINDOW_SECONDS: Type.Integer({ minimum: 1, maximum: 24 * 3600, default: 15 * 60 }),
  /** Containers probed at once by a live reachability check. */
  PROBE_CONCURRENCY: Type.Integer({ minimum: 1, maximum: 64, default: 4 }),
  /** Requests per minute per client address on the whole API, socket handshakes included. */
  RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 10, maximum: 1_000_000, default: 1200 }),
  /**
   * Audit entries older than this many days are deleted, at start and every hour. Refusals of
   * requests without a valid credential are counted per address and minute, not kept one by one,
   * so what the trail holds is bounded by time, not by how much anyone sends.
   */
  AUDIT_RETENTION_DAYS: Type.Integer({ minimum: 1, maximum: 36_500, default: 90 }),
  /** Lets anyone who reaches the port read `/metrics`; otherwise a scraper needs an API token (any role). */
  METRICS_PUBLIC: Type.Boolean({ default: false }),
  /**
   * More engines, declared in a YAML file a team keeps in git: `engines: [{ id, name, host, tls:
   * { ca, cert, key }, ssh: { identityFile, passphraseFile?, knownHostsFile } }]`, paths relative to the file.
   */
  ENGINES_FILE: Type.Optional(Type.String({ minLength: 1 })),
  /**
   * Seals the engine secrets an admin gives (TLS client keys, SSH keys and passphrases) in the
   * database. Without it, only engines that need no secret can be added from the UI or the API.
   */
  BRIDGEBOARD_SECRET_KEY: Type.Optional(Type.String({ minLength: 32 })),
  /** The CLI's `topology --url` default: a running server to ask instead of reading the engine. */
  BRIDGEBOARD_URL: Type.Optional(Type.String({ pattern: '^https?://[^\\s]+$' })),
  /** The CLI's `--token` default: an API token for `BRIDGEBOARD_URL`. */
  BRIDGEBOARD_TOKEN: Type.Optional(Type.String({ minLength: 1 })),
  /** Single sign-on: the OpenID provider's issuer URL (its `/.well-known/openid-configuration` is read at start). Unset: no SSO. */
  OIDC_ISSUER: Type.Optional(Type.String({ minLength: 1 })),
  OIDC_CLIENT_ID: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
  /** The client's secret; or `OIDC_CLIENT_SECRET_FILE`, a file that holds it (a Docker or Kubernetes secret). */
  OIDC_CLIENT_SECRET: Type.Optional(Type.String({ minLength: 1 })),
  OIDC_CLIENT_SECRET_FILE: Type.Optional(Type.String({ minLength: 1 })),
  OIDC_SCOPES: Type.String({ minLength: 1, default: 'openid profile email groups' }),
  /** The claim (ID token, else userinfo) that lists the user's groups. */
  OIDC_GROUPS_CLAIM: Type.String({ minLength: 1, default: 'groups' }),
  /** The claim that becomes the Bridgeboard user name (lower-cased; it must fit the user name pattern). */
  OIDC_USERNAME_CLAIM: Type.String({ minLength: 1, default: 'preferred_username' }),
  /** `group=role` or `group@engine=role`, comma-separated: `bb-admins=admin,ops=operator,ops@staging=operator`. */
  OIDC_GROUP_ROLES: Type.String({ default: '' }),
  /** The role of a user in no group of `OIDC_GROUP_ROLES`; unset, such a user is refused. */
  OIDC_DEFAULT_ROLE: Type.Optional(Type.Union([Type.Literal('viewer'), Type.Literal('operator'), Type.Literal('admin')])),
  /** The sign-in button's text. */
  OIDC_LABEL: Type.String({ minLength: 1, maxLength: 64, default: 'Sign in with SSO' }),
});

export type Config = Static<typeof ConfigSchema> & { LOG_LEVEL: string };

export class ConfigError extends Error {}

export function databasePath(config: Pick<Config, 'DATA_DIR' | 'DATABASE_PATH'>): string {
  return config.DATABASE_PATH ?? `${config.DATA_DIR}/bridgeboard.db`;
}

/** `TRUST_PROXY` as Fastify's `trustProxy`: the proxies' addresses, or nobody. */
export function trustProxyOf(config: Pick<Config, 'TRUST_PROXY'>): string | false {
  return config.TRUST_PROXY?.trim() || false;
}

/**
 * Whether an address is one of `TRUST_PROXY`'s, null when it names nobody: compiled by
 * @fastify/proxy-addr, as Fastify compiles `trustProxy` for `request.ip` and `request.host`.
 */
function trustedProxies(config: Pick<Config, 'TRUST_PROXY'>): ((address: string, hop: number) => boolean) | null {
  const proxies = trustProxyOf(config);
  return proxies ? proxyAddr.compile(proxies.split(',').map((p) => p.trim())) : null;
}

/**
 * The client's address of a raw request (a socket handshake, which no Fastify route sees), as
 * Fastify's `request.ip` gives it under `TRUST_PROXY`: walking back from the peer through
 * `X-Forwarded-For`, the first address that is not a trusted proxy.
 */
export function clientAddressOf(config: Pick<Config, 'TRUST_PROXY'>): (req: IncomingMessage) => string {
  const isTrusted = trustedProxies(config);
  if (!isTrusted) return (req) => req.socket.remoteAddress ?? '';
  return (req) => proxyAddr(req, isTrusted);
}

/**
 * The `X-Forwarded-Host` of a raw request when its peer is a trusted proxy (its last entry: the one
 * the nearest proxy set), as Fastify's `request.host` reads it under `TRUST_PROXY`; undefined
 * otherwise, whatever the request says.
 */
export function forwardedHostOf(config: Pick<Config, 'TRUST_PROXY'>): (req: IncomingMessage) => string | undefined {
  const isTrusted = trustedProxies(config);
  return (req) => {
    const header = req.headers['x-forwarded-host'];
    const value = Array.isArray(header) ? header.join(',') : header;
    if (!value || !isTrusted?.(req.socket.remoteAddress ?? '', 0)) return undefined;
    return value.slice(value.lastIndexOf(',') + 1).trim();
  };
}

/**
 * This server as browsers name it, computed once from `HOST` and `PUBLIC_URL`: what the
 * DNS-rebinding check (`Host`) and the cross-site check (`Origin`) compare requests with, on REST,
 * CSRF-guarded mutations and the socket's handshake alike.
 */
export interface ServerOrigin {
  /**
   * The names a request may be sent to (`Host`, and `X-Forwarded-Host` from a trusted proxy).
   * Loopback names always: a page can only send them from this machine, and the container's health
   * check and a same-host proxy that rewrites `Host` use them.
   */
  hostnames: ReadonlySet<string>;
  /**
   * The origins of this server's pages: PUBLIC_URL's. Null on a loopback bind without it: then a
   * page's `Origin` must name the host and port the request was sent to.
   */
  origins: ReadonlySet<string> | null;
}

/**
 * `PUBLIC_URL`'s origins, normalised as browsers send them in `Origin` (lower case, no default port,
 * no trailing slash). Blank entries are skipped: docker-compose.yml appends an optional one.
 */
export function publicOrigins(publicUrl: string | undefined): string[] {
  const origins: string[] = [];
  for (const entry of (publicUrl ?? '').split(',').map((e) => e.trim())) {
    if (!entry) continue;
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new ConfigError(
        `Invalid configuration: PUBLIC_URL '${entry}' is not a URL: write it as users type it, e.g. https://bridgeboard.example.com`,
      );
    }
    if (
      (url.protocol !== 'http:' && url.protocol !== 'https:') ||
      url.username ||
      url.password ||
      url.pathname !== '/' ||
      url.search ||
      url.hash
    ) {
      throw new ConfigError(
        `Invalid configuration: PUBLIC_URL '${entry}' must be http(s)://host[:port] and nothing more (Bridgeboard is served at the root), e.g. https://bridgeboard.example.com`,
      );
    }
    origins.push(url.origin);
  }
  return origins;
}

/** `ServerOrigin` of a config; a non-loopback HOST without PUBLIC_URL is refused (the server must not start). */
export function serverOriginOf(config: Pick<Config, 'HOST' | 'PUBLIC_URL'>): ServerOrigin {
  const origins = publicOrigins(config.PUBLIC_URL);
  if (origins.length === 0) {
    if (!isLoopback(config.HOST)) {
      throw new ConfigError(
        `Invalid configuration: PUBLIC_URL is required when HOST is not a loopback address (HOST=${config.HOST}): ` +
          'set it to the URL users type, e.g. PUBLIC_URL=https://bridgeboard.example.com or http://127.0.0.1:8080. ' +
          'Only requests sent to that name are answered (a DNS-rebinding page uses its own) and only its pages may change anything.',
      );
    }
    return { hostnames: LOOPBACK_NAMES, origins: null };
  }
  return {
    hostnames: new Set([...LOOPBACK_NAMES, ...origins.map((o) => new URL(o).hostname)]),
    origins: new Set(origins),
  };
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  let config: Config;
  try {
    config = envSchema<Config>({ schema: ConfigSchema, data: env, dotenv: false });
  } catch (err) {
    throw new ConfigError(`Invalid configuration: ${(err as Error).message}`);
  }
  // Its form is checked for every command; whether it is needed, only by the server (`serverOriginOf`).
  publicOrigins(config.PUBLIC_URL);
  oidcSettingsOf(config);
  return config;
}

/** `DOCKER_HOST` as dockerode options; the local socket when unset. */
export function engineConnection(config: Pick<Config, 'DOCKER_HOST'>): EngineConnection {
  const raw = config.DOCKER_HOST;
  if (!raw) return { socketPath: '/var/run/docker.sock' };
  if (raw.startsWith('unix://')) return { socketPath: raw.slice('unix://'.length) };
  const url = new URL(raw.replace(/^tcp:/, 'http:'));
  return { host: url.hostname, port: Number(url.port || 2375), protocol: 'http' };
}

/** The engine the server starts with: `DOCKER_HOST`, or the local socket. */
export function defaultEngineSpec(config: Pick<Config, 'DOCKER_HOST'>): EngineSpec {
  const connection = engineConnection(config);
  const socket = connection.socketPath !== undefined;
  return {
    id: DEFAULT_ENGINE_ID,
    name: DEFAULT_ENGINE_ID,
    connection,
    endpoint: {
      kind: socket ? 'socket' : 'tcp',
      address: socket ? `unix://${connection.socketPath}` : (config.DOCKER_HOST ?? ''),
      tls: false,
    },
    source: 'environment',
    local: socket,
  };
}

function issuerOf(text: string): URL {
  const issuer = providerIssuer(text);
  if (typeof issuer === 'string') throw new ConfigError(`Invalid configuration: OIDC_ISSUER ${issuer}`);
  return issuer;
}

/** Where the provider sends the browser back: the first `PUBLIC_URL`'s callback; null without PUBLIC_URL. */
export function oidcRedirectsOf(config: Pick<Config, 'PUBLIC_URL'>): { redirectUri: string; postLogoutRedirectUri: string } | null {
  const [publicUrl] = publicOrigins(config.PUBLIC_URL);
  if (publicUrl === undefined) return null;
  return { redirectUri: `${publicUrl}/api/auth/oidc/callback`, postLogoutRedirectUri: `${publicUrl}/login` };
}

/**
 * Single sign-on as configured, or null when `OIDC_ISSUER` is unset. Everything is checked here,
 * once: a half-configured provider stops the start, naming the setting. The callback URL is the
 * first `PUBLIC_URL` + `/api/auth/oidc/callback`, so PUBLIC_URL is required: it is registered with
 * the provider and must not depend on the `Host` a request happens to carry.
 */
export function oidcSettingsOf(config: Config): OidcSettings | null {
  const given = (['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_CLIENT_SECRET_FILE'] as const).filter((k) => config[k] !== undefined);
  if (config.OIDC_ISSUER === undefined) {
    if (given.length > 0) throw new ConfigError(`Invalid configuration: ${given.join(', ')} set without OIDC_ISSUER`);
    return null;
  }
  const issuer = issuerOf(config.OIDC_ISSUER);
  if (config.OIDC_CLIENT_ID === undefined) throw new ConfigError('Invalid configuration: OIDC_ISSUER is set: set OIDC_CLIENT_ID too');
  if (config.OIDC_CLIENT_SECRET !== undefined && config.OIDC_CLIENT_SECRET_FILE !== undefined) {
    throw new ConfigError('Invalid configuration: set OIDC_CLIENT_SECRET or OIDC_CLIENT_SECRET_FILE, not both');
  }
  let clientSecret = config.OIDC_CLIENT_SECRET;
  if (config.OIDC_CLIENT_SECRET_FILE !== undefined) {
    try {
      clientSecret = readFileSync(config.OIDC_CLIENT_SECRET_FILE, 'utf8').trim();
    } catch (err) {
      throw new ConfigError(`Invalid configuration: OIDC_CLIENT_SECRET_FILE: ${(err as Error).message}`);
    }
  }
  if (!clientSecret) throw new ConfigError('Invalid configuration: OIDC_ISSUER is set: set OIDC_CLIENT_SECRET or OIDC_CLIENT_SECRET_FILE');
  const redirects = oidcRedirectsOf(config);
  if (redirects === null) {
    throw new ConfigError(
      'Invalid configuration: OIDC_ISSUER is set: set PUBLIC_URL too (the provider sends users back to <PUBLIC_URL>/api/auth/oidc/callback)',
    );
  }
  const scopes = config.OIDC_SCOPES.split(/[\s,]+/).filter(Boolean);
  if (!scopes.includes('openid')) throw new ConfigError(`Invalid configuration: OIDC_SCOPES '${config.OIDC_SCOPES}' must include openid`);
  let groupRoles;
  try {
    groupRoles = parseGroupRoles(config.OIDC_GROUP_ROLES);
  } catch (err) {
    throw new ConfigError(`Invalid configuration: OIDC_GROUP_ROLES: ${(err as Error).message}`);
  }
  // No rule and no default role is a setup too: then only members of groups that grants name sign in (GET /api/grants).
  return {
    issuer,
    clientId: config.OIDC_CLIENT_ID,
    clientSecret,
    ...redirects,
    scopes,
    groupsClaim: config.OIDC_GROUPS_CLAIM,
    usernameClaim: config.OIDC_USERNAME_CLAIM,
    groupRoles,
    defaultRole: config.OIDC_DEFAULT_ROLE ?? null,
    label: config.OIDC_LABEL,
  };
}
