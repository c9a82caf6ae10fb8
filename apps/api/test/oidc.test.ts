import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuditPage, MeResponse, OidcStatus, SignOutAnswer } from '@bridgeboard/contract';
import { asAdmin, startApp, type App } from './helpers/app.js';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  payloadOf,
  signJwt,
  SsoBrowser,
  startProvider,
  strangerKey,
  type TestProvider,
} from './helpers/oidc-provider.js';
import { BrowserSession, connected, createUser, disconnected, login, send, signIn } from './helpers/session.js';
import { freePort } from './helpers/child.js';

/**
 * Single sign-on (issue 15) end to end: the real app and a real OpenID provider (oidc-provider),
 * driven over HTTP as a browser drives them: the app's /start, the provider's login and consent
 * pages, the app's callback. Every refusal is checked with what it protects: no session was made.
 */

let app: App;
let url: string;
let provider: TestProvider;

beforeAll(async () => {
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  provider = await startProvider(url, {
    alice: { preferred_username: 'alice', email: 'alice@example.com', groups: ['ops'] },
    bob: { preferred_username: 'bob', email: 'bob@example.com', groups: ['bb-admins'] },
    carol: { preferred_username: 'carol', email: 'carol@example.com', groups: ['marketing'] },
    erin: { preferred_username: 'Erin', email: 'erin@example.com', groups: ['ops'] },
    frank: { preferred_username: 'frank', email: 'frank@example.com', groups: ['ops'] },
  });
  app = await startApp(
    {},
    {
      PUBLIC_URL: url,
      RATE_LIMIT_PER_MINUTE: '100000',
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_GROUP_ROLES: 'bb-admins=admin,ops=operator',
      OIDC_LABEL: 'Sign in with Example ID',
    },
  );
  await app.listen({ port, host: '127.0.0.1' });
});

afterAll(async () => {
  await (app as App | undefined)?.close();
  await (provider as TestProvider | undefined)?.close();
});

beforeEach(() => {
  provider.forge = null;
});

const sessionsOf = (username: string) =>
  (app.db.prepare('SELECT COUNT(*) AS n FROM sessions WHERE username = ?').get(username) as { n: number }).n;

/** Signs `login` in through the provider in a new browser; where the browser lands, and the browser. */
async function sso(loginName: string, browser = new SsoBrowser()): Promise<{ landed: URL; browser: SsoBrowser }> {
  const landed = await browser.walk(`${url}/api/auth/oidc/start`, { appUrl: url, login: loginName });
  return { landed, browser };
}

/**
 * The browser's app session, as the helpers of the other tests hold one. As the web app does after
 * the callback, it asks `/api/auth/me` in that browser: the answer's CSRF token comes with the
 * `bb_csrf` cookie it is paired with.
 */
async function sessionOf(browser: SsoBrowser): Promise<BrowserSession> {
  const res = await browser.request(`${url}/api/auth/me`);
  if (res.status !== 200) throw new Error(`me answered ${res.status}: ${await res.text()}`);
  const me = (await res.json()) as MeResponse;
  const cookie = { bb_session: browser.cookie(url, 'bb_session') ?? '', bb_csrf: browser.cookie(url, 'bb_csrf') ?? '' };
  return new BrowserSession(url, me, cookie);
}

/** Runs the flow to the callback, with the provider's token endpoint sending `forge(id_token)`. */
async function ssoWithForgedToken(loginName: string, forge: (real: string) => string): Promise<{ landed: URL; browser: SsoBrowser }> {
  provider.forge = forge;
  return sso(loginName);
}

async function latestLoginAudit() {
  const res = await app.inject({ method: 'GET', url: '/api/audit?action=auth.login&limit=1', headers: asAdmin(app) });
  return res.json<AuditPage>().entries[0];
}

describe('the sign-in page asks whether SSO is offered', () => {
  it('GET /api/auth/oidc → enabled, and the button’s text', async () => {
    const res = await send<OidcStatus>(url, 'GET', '/api/auth/oidc');
    expect(res.body).toEqual({ enabled: true, label: 'Sign in with Example ID' });
  });
});

describe('the code flow with PKCE', () => {
  it('/start redirects to the provider with PKCE S256, a random state and nonce, and a browser-bound cookie', async () => {
    const browser = new SsoBrowser();
    const res = await browser.request(`${url}/api/auth/oidc/start`);
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get('location') ?? '');
    expect(to.origin).toBe(provider.issuer);
    expect(Object.fromEntries(to.searchParams)).toMatchObject({
      client_id: CLIENT_ID,
      response_type: 'code',
      redirect_uri: `${url}/api/auth/oidc/callback`,
      code_challenge_method: 'S256',
      scope: 'openid profile email groups',
    });
    expect(to.searchParams.get('state')).toMatch(/^[\w-]{32,}$/);
    expect(to.searchParams.get('nonce')).toMatch(/^[\w-]{32,}$/);
    expect(to.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    const again = new URL((await new SsoBrowser().request(`${url}/api/auth/oidc/start`)).headers.get('location') ?? '');
    expect(again.searchParams.get('state')).not.toBe(to.searchParams.get('state'));
    expect(again.searchParams.get('nonce')).not.toBe(to.searchParams.get('nonce'));
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('bb_oidc='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\/api\/auth\/oidc\/callback/);
  });

  it('alice (group ops) is signed in as an operator: a session, the CSRF token, an account from SSO', async () => {
    const { landed, browser } = await sso('alice');
    expect(landed.pathname + landed.search).toBe('/');
    const session = await sessionOf(browser);
    expect(session.me.user).toEqual({ username: 'alice', role: 'operator', engineRoles: {}, grants: [], via: 'session' });
    expect(session.me.csrfToken).toEqual(expect.any(String));
    expect(app.users.find('alice')).toMatchObject({ source: 'oidc', oidc: { issuer: provider.issuer, subject: 'alice' }, disabled: false });
    // The same CSRF rules as a password session: a change with the token is let through to its own checks.
    const made = await session.post<{ message: string }>('/api/tokens', { name: 'alice-script', role: 'viewer' });
    expect(made.status).toBe(403);
    expect(made.body.message).toMatch(/alice is operator: this needs the admin role/);
    expect(await latestLoginAudit()).toMatchObject({ user: 'alice', role: 'operator', result: 'ok', params: { via: 'oidc' } });
  });

  it('the role follows the groups at every sign-in: bob is admin, alice becomes admin once in bb-admins', async () => {
    expect((await sessionOf((await sso('bob')).browser)).me.user.role).toBe('admin');
    const user = provider.users.get('alice');
    if (!user) throw new Error('no alice');
    user.groups = ['bb-admins'];
    try {
      expect((await sessionOf((await sso('alice')).browser)).me.user.role).toBe('admin');
    } finally {
      user.groups = ['ops'];
    }
    expect((await sessionOf((await sso('alice')).browser)).me.user.role).toBe('operator');
  });

  it('a user in no mapped group is refused, with the reason in the trail, and no account or session', async () => {
    const { landed, browser } = await sso('carol');
    expect(landed.pathname + landed.search).toBe('/login?error=no-role');
    expect(browser.cookie(url, 'bb_session')).toBeUndefined();
    expect(app.users.find('carol')).toBeNull();
    const entry = await latestLoginAudit();
    expect(entry).toMatchObject({ user: 'carol', result: 'refused', params: { via: 'oidc', reason: 'no-role' } });
    expect(entry?.error).toMatch(
      /carol is in no group that OIDC_GROUP_ROLES maps to a role or a grant names \(claim 'groups': marketing\)/,
    );
  });

  it('groups to grants: a group no rule maps but a grant names signs in, as a viewer with that grant; the groups follow each sign-in', async () => {
    const grant = app.grants.create(
      {
        subject: { kind: 'group', name: 'marketing' },
        role: 'operator',
        scope: { kind: 'label', engine: 'local', label: 'team=marketing' },
      },
      'admin',
    );
    try {
      const carol = await sessionOf((await sso('carol')).browser);
      expect(carol.me.user).toMatchObject({ username: 'carol', role: 'viewer', engineRoles: {} });
      expect(carol.me.user.grants.map((g) => g.id)).toEqual([grant.id]);
      expect(app.users.find('carol')?.groups).toEqual(['marketing']);
      // Moved out of the group at the provider: at the next sign-in the grant no longer reaches her.
      const user = provider.users.get('carol');
      if (!user) throw new Error('no carol');
      user.groups = ['marketing', 'ops'];
      const again = await sessionOf((await sso('carol')).browser);
      expect(again.me.user).toMatchObject({ role: 'operator' });
      expect(app.users.find('carol')?.groups).toEqual(['marketing', 'ops']);
      user.groups = ['ops'];
      expect((await sessionOf((await sso('carol')).browser)).me.user.grants).toEqual([]);
      user.groups = ['marketing'];
    } finally {
      app.grants.remove(grant.id);
    }
  });

  it('a provider user named like a local account is refused: SSO does not take over local accounts', async () => {
    await createUser(app, 'erin', 'viewer');
    const { landed, browser } = await sso('erin');
    expect(landed.search).toBe('?error=local-account');
    expect(browser.cookie(url, 'bb_session')).toBeUndefined();
    expect(app.users.find('erin')).toMatchObject({ source: 'local', role: 'viewer' });
    expect(sessionsOf('erin')).toBe(0);
  });
});

describe('disabled accounts', () => {
  it('a disabled SSO user loses its sessions and is refused at the next sign-in; enabled again, signs in', async () => {
    const { browser } = await sso('frank');
    const before = await sessionOf(browser);
    const off = await app.inject({ method: 'PUT', url: '/api/users/frank/disabled', headers: asAdmin(app), payload: { disabled: true } });
    expect(off.json<unknown>()).toEqual({ username: 'frank', disabled: true, source: 'oidc' });
    expect((await before.get('/api/auth/me')).status).toBe(401);
    const { landed } = await sso('frank');
    expect(landed.search).toBe('?error=disabled');
    expect(sessionsOf('frank')).toBe(0);
    await app.inject({ method: 'PUT', url: '/api/users/frank/disabled', headers: asAdmin(app), payload: { disabled: false } });
    expect((await sso('frank')).landed.pathname).toBe('/');
  });

  it('a disabled local user: the right password is refused, its tokens stop working', async () => {
    const dave = await createUser(app, 'dave', 'admin');
    const session = await signIn(url, 'dave', dave.password);
    const token = (await session.post<{ token: string }>('/api/tokens', { name: 'dave-script', role: 'viewer' })).body.token;
    const bearer = { authorization: `Bearer ${token}` };
    expect((await send(url, 'GET', '/api/auth/me', { headers: bearer })).status).toBe(200);
    await app.inject({ method: 'PUT', url: '/api/users/dave/disabled', headers: asAdmin(app), payload: { disabled: true } });
    const refused = await login(url, 'dave', dave.password);
    expect(refused.status).toBe(403);
    expect((refused.body as unknown as { message: string }).message).toBe('dave is disabled by an admin');
    expect(refused.headers.getSetCookie().some((c) => c.startsWith('bb_session=') && !c.startsWith('bb_session=;'))).toBe(false);
    expect((await session.get('/api/auth/me')).status).toBe(401);
    expect((await send(url, 'GET', '/api/auth/me', { headers: bearer })).status).toBe(401);
    await app.inject({ method: 'PUT', url: '/api/users/dave/disabled', headers: asAdmin(app), payload: { disabled: false } });
    expect((await login(url, 'dave', dave.password)).status).toBe(200);
  });

  it('the last admin who is not disabled cannot be disabled', async () => {
    const setDisabled = (username: string, disabled: boolean) =>
      app.inject({ method: 'PUT', url: `/api/users/${username}/disabled`, headers: asAdmin(app), payload: { disabled } });
    const admins = app.users.list().filter((u) => u.role === 'admin' && !u.disabled);
    expect(admins.map((u) => u.username).sort()).toEqual(['admin', 'bob', 'dave']);
    try {
      expect((await setDisabled('admin', true)).statusCode).toBe(200);
      expect((await setDisabled('dave', true)).statusCode).toBe(200);
      const last = await setDisabled('bob', true);
      expect(last.statusCode).toBe(409);
      expect(last.json<{ message: string }>().message).toMatch(/last admin who is not disabled/);
      expect(app.users.find('bob')?.disabled).toBe(false);
    } finally {
      await setDisabled('admin', false);
      await setDisabled('dave', false);
    }
  });
});

describe('state and code: single use, bound to the browser that started', () => {
  it('a callback without state, or with a state never given, is refused', async () => {
    const browser = new SsoBrowser();
    await browser.request(`${url}/api/auth/oidc/start`);
    for (const query of ['?code=abc', '?code=abc&state=made-up-state-value-of-good-length-000']) {
      const res = await browser.request(`${url}/api/auth/oidc/callback${query}`);
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('/login?error=state');
    }
    expect(browser.cookie(url, 'bb_session')).toBeUndefined();
  });

  it('a replayed callback (same state and code) is refused and makes no second session', async () => {
    const browser = new SsoBrowser();
    const callback = await browser.walk(`${url}/api/auth/oidc/start`, { appUrl: url, login: 'alice', stopAtCallback: true });
    const cookie = browser.cookie(url, 'bb_oidc') ?? '';
    const first = await browser.request(callback.href);
    expect(first.headers.get('location')).toBe('/');
    const sessions = sessionsOf('alice');
    // The attacker replays it with the browser's own binding cookie: still refused.
    const replay = await fetch(callback, { redirect: 'manual', headers: { cookie: `bb_oidc=${cookie}` } });
    expect(replay.headers.get('location')).toBe('/login?error=state');
    expect(replay.headers.getSetCookie().some((c) => c.startsWith('bb_session=') && !c.startsWith('bb_session=;'))).toBe(false);
    expect(sessionsOf('alice')).toBe(sessions);
  });

  it('a callback in another browser than the one that started is refused (login CSRF)', async () => {
    const victim = new SsoBrowser();
    const callback = await new SsoBrowser().walk(`${url}/api/auth/oidc/start`, { appUrl: url, login: 'alice', stopAtCallback: true });
    await victim.request(`${url}/api/auth/oidc/start`);
    const res = await victim.request(callback.href);
    expect(res.headers.get('location')).toBe('/login?error=state');
    expect(victim.cookie(url, 'bb_session')).toBeUndefined();
  });

  it('a used code is refused, even with a fresh state of the same browser', async () => {
    const browser = new SsoBrowser();
    const callback = await browser.walk(`${url}/api/auth/oidc/start`, { appUrl: url, login: 'alice', stopAtCallback: true });
    expect((await browser.request(callback.href)).headers.get('location')).toBe('/');
    const fresh = await browser.walk(`${url}/api/auth/oidc/start`, { appUrl: url, login: 'alice', stopAtCallback: true });
    const reused = new URL(fresh);
    reused.searchParams.set('code', callback.searchParams.get('code') ?? '');
    const sessions = sessionsOf('alice');
    const res = await browser.request(reused.href);
    expect(res.headers.get('location')).toBe('/login?error=token');
    expect(sessionsOf('alice')).toBe(sessions);
  });
});

describe('forged ID tokens are refused and make no session', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const cases: [string, (real: string) => string][] = [
    ['signed with a key not in the provider’s JWKS', (real) => signJwt(payloadOf(real), strangerKey(), provider.signingKid)],
    ['for another client (aud)', (real) => signJwt({ ...payloadOf(real), aud: 'someone-else' }, provider.signingKey, provider.signingKid)],
    ['expired', (real) => signJwt({ ...payloadOf(real), iat: now() - 7200, exp: now() - 3600 }, provider.signingKey, provider.signingKid)],
    ['unsigned (alg: none)', (real) => signJwt(payloadOf(real), 'none', provider.signingKid)],
    ['with another nonce', (real) => signJwt({ ...payloadOf(real), nonce: 'not-the-one-sent' }, provider.signingKey, provider.signingKid)],
  ];

  it('the untouched token, re-signed with the provider’s own key, is accepted (the forgers change only what they say)', async () => {
    const { landed } = await ssoWithForgedToken('alice', (real) => signJwt(payloadOf(real), provider.signingKey, provider.signingKid));
    expect(landed.pathname).toBe('/');
  });

  it.each(cases)('an ID token %s', async (_name, forge) => {
    const sessions = sessionsOf('alice');
    const { landed, browser } = await ssoWithForgedToken('alice', forge);
    expect(landed.pathname + landed.search).toBe('/login?error=token');
    expect(browser.cookie(url, 'bb_session')).toBeUndefined();
    expect(sessionsOf('alice')).toBe(sessions);
  });
});

describe('sign-out', () => {
  it('ends the session and its socket, and gives the provider’s end-session URL', async () => {
    const session = await sessionOf((await sso('alice')).browser);
    const socket = session.socket();
    await connected(socket);
    const gone = disconnected(socket);
    const res = await session.post<SignOutAnswer>('/api/auth/logout');
    expect(res.status).toBe(200);
    const end = new URL(res.body.endSessionUrl);
    expect(end.origin + end.pathname).toBe(`${provider.issuer}/session/end`);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${url}/login`);
    expect(payloadOf(end.searchParams.get('id_token_hint') ?? '')).toMatchObject({ sub: 'alice', aud: CLIENT_ID });
    expect(await gone).toBe('io server disconnect');
    expect((await session.get('/api/auth/me')).status).toBe(401);
  });
});
