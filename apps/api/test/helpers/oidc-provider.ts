import { createPrivateKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { interactions } from './oidc-interactions.js';

/** A user of the test provider: the claims `findAccount` gives (groups change between sign-ins). */
export interface ProviderUser {
  preferred_username: string;
  email: string;
  groups: string[];
}

export const CLIENT_ID = 'bridgeboard';
export const CLIENT_SECRET = randomBytes(24).toString('base64url');

/** Rewrites the ID token the token endpoint sends (what a forged or substituted token looks like to the app). */
export type IdTokenForger = (idToken: string) => string;

export interface TestProvider {
  issuer: string;
  /** By account id (what the dev login form's "login" field takes). */
  users: Map<string, ProviderUser>;
  /** Set to have the token endpoint send a forged ID token in place of the real one; null: the real one. */
  forge: IdTokenForger | null;
  /** The private key the provider signs with (its JWKS holds the public half). */
  signingKey: KeyObject;
  signingKid: string;
  close(): Promise<void>;
}

/**
 * A real OpenID provider (`oidc-provider`, the certified implementation openid-client is tested
 * against) on 127.0.0.1 and a random port, with login and consent pages of its own (oidc-interactions.ts), one
 * confidential client for the app (PKCE required), and a hook on the token endpoint's answer for
 * the forged-token tests.
 */
export async function startProvider(
  appUrl: string,
  users: Record<string, ProviderUser>,
  /** A fixed port and client secret, for a server configured before the provider starts (the e2e tests). */
  fixed: { port: number; clientSecret: string } | null = null,
): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(fixed?.port ?? 0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKid = 'test-key';
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: signingKid, alg: 'RS256', use: 'sig' };
  const byId = new Map(Object.entries(users));

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: fixed?.clientSecret ?? CLIENT_SECRET,
        redirect_uris: [`${appUrl}/api/auth/oidc/callback`],
        post_logout_redirect_uris: [`${appUrl}/login`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    pkce: { required: () => true },
    scopes: ['openid', 'profile', 'email', 'groups'],
    claims: { openid: ['sub'], profile: ['preferred_username'], email: ['email'], groups: ['groups'] },
    // Our own login and consent pages (oidc-interactions.ts): the development ones load a font from the internet.
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    findAccount: (_ctx, id) => {
      const user = byId.get(id);
      if (!user) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...user }) };
    },
  });
  const state: TestProvider = {
    issuer,
    users: byId,
    forge: null,
    signingKey: privateKey,
    signingKid,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: unknown } | undefined;
    if (ctx.path === '/token' && state.forge && typeof body?.id_token === 'string')
      ctx.body = { ...body, id_token: state.forge(body.id_token) };
  });
  const handle = provider.callback();
  server.on('request', (req, res) => {
    interactions(provider, req, res).then(
      (answered) => {
        if (!answered) void handle(req, res);
      },
      (err: unknown) => {
        if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain' });
        res.end(String(err));
      },
    );
  });
  return state;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The payload of a JWT, unverified (the forgers start from the real token). */
export function payloadOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
}

/** A JWT signed RS256 with `key` (`alg: 'none'`: unsigned, an empty signature). */
export function signJwt(payload: Record<string, unknown>, key: KeyObject | 'none', kid: string): string {
  if (key === 'none') return `${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`;
  const input = `${b64({ alg: 'RS256', typ: 'JWT', kid })}.${b64(payload)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

/** A key the provider's JWKS does not hold. */
export function strangerKey(): KeyObject {
  return createPrivateKey(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }));
}

/**
 * A browser as far as single sign-on needs one: cookies kept per origin (names and values; a
 * cleared cookie is dropped), redirects followed by hand so each hop can be looked at, and the
 * provider's login and consent forms filled in.
 */
export class SsoBrowser {
  readonly jar = new Map<string, Map<string, string>>();

  cookie(origin: string, name: string): string | undefined {
    return this.jar.get(origin)?.get(name);
  }

  async request(
    url: string,
    init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const { origin } = new URL(url);
    const cookies = [...(this.jar.get(origin) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: {
        ...(cookies ? { cookie: cookies } : {}),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded', origin } : {}),
        ...init.headers,
      },
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
    });
    const jar = this.jar.get(origin) ?? new Map<string, string>();
    this.jar.set(origin, jar);
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const cleared = value === '' || /max-age=0/i.test(line) || /expires=thu, 01 jan 1970/i.test(line);
      if (cleared) jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  }

  /**
   * From `url` through redirects and the provider's forms, signing in as `login`, until the
   * browser is about to open the app's callback (`stopAtCallback`) or lands on one of the app's
   * pages. Returns that URL.
   */
  async walk(url: string, opts: { appUrl: string; login: string; stopAtCallback?: boolean }): Promise<URL> {
    let next = new URL(url);
    for (let hop = 0; hop < 20; hop++) {
      const atApp = next.origin === opts.appUrl;
      if (atApp && next.pathname === '/api/auth/oidc/callback' && opts.stopAtCallback) return next;
      if (atApp && !next.pathname.startsWith('/api/')) return next;
      const res = await this.request(next.href);
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        next = new URL(location, next);
        continue;
      }
      const page = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
      if (res.status !== 200 || !action) throw new Error(`${next.href} answered ${res.status}: ${page.slice(0, 300)}`);
      const form: Record<string, string> = page.includes('value="login"')
        ? { prompt: 'login', login: opts.login, password: 'any' }
        : { prompt: 'consent' };
      const posted = await this.request(new URL(action.replace(/&amp;/g, '&'), next).href, { method: 'POST', form });
      const then = posted.headers.get('location');
      if (!then) throw new Error(`posting the ${form.prompt ?? ''} form answered ${posted.status}: ${(await posted.text()).slice(0, 300)}`);
      next = new URL(then, next);
    }
    throw new Error('more than 20 hops');
  }
}
