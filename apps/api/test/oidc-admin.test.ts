import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage, MeResponse, OidcSettingsBody, OidcSettingsView, OidcStatus } from '@bridgeboard/contract';
import { asAdmin, startApp, type App } from './helpers/app.js';
import { CLIENT_ID, CLIENT_SECRET, SsoBrowser, startProvider, type TestProvider } from './helpers/oidc-provider.js';
import { newUser, send, type Answer } from './helpers/session.js';
import { freePort } from './helpers/child.js';

/**
 * Single sign-on set by an admin (issue 15): `PUT /api/settings/oidc` against a real OpenID
 * provider (oidc-provider), checked with it before anything is kept, taking effect without a
 * restart, and the client secret never coming back out: not in an answer, the trail, the log, or
 * the database in clear.
 */

const SECRET_KEY = 'the operator key for the sso admin tests, long enough';

let app: App;
let url: string;
let provider: TestProvider;
let dir: string;
let log = '';

const env = () => ({
  PUBLIC_URL: url,
  RATE_LIMIT_PER_MINUTE: '100000',
  BRIDGEBOARD_SECRET_KEY: SECRET_KEY,
  DATABASE_PATH: join(dir, 'bridgeboard.db'),
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bb-oidc-admin-'));
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  provider = await startProvider(url, {
    alice: { preferred_username: 'alice', email: 'alice@example.com', groups: ['ops'] },
  });
  // The whole log, debug and up: the secret must be in none of it.
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => (log += chunk.toString()));
  app = await startApp({}, env(), { level: 'debug', stream });
  await app.listen({ port, host: '127.0.0.1' });
});

afterAll(async () => {
  await (app as App | undefined)?.close();
  await (provider as TestProvider | undefined)?.close();
  rmSync(dir, { recursive: true, force: true });
});

const good = (): OidcSettingsBody => ({
  issuer: provider.issuer,
  clientId: CLIENT_ID,
  clientSecret: CLIENT_SECRET,
  scopes: ['openid', 'profile', 'email', 'groups'],
  groupsClaim: 'groups',
  usernameClaim: 'preferred_username',
  groupRoles: 'bb-admins=admin,ops=operator',
  defaultRole: null,
  label: 'Sign in with Example ID',
});

const put = (body: unknown): Promise<Answer<OidcSettingsView & { message: string }>> =>
  send(url, 'PUT', '/api/settings/oidc', { body, headers: asAdmin(app) });
const view = async () => (await send<OidcSettingsView>(url, 'GET', '/api/settings/oidc', { headers: asAdmin(app) })).body;
const status = async () => (await send<OidcStatus>(url, 'GET', '/api/auth/oidc')).body;
const row = () =>
  app.db.prepare('SELECT fields, client_secret FROM oidc_provider').get() as { fields: string; client_secret: string } | undefined;

async function auditOf(action: string) {
  const res = await app.inject({ method: 'GET', url: `/api/audit?action=${action}&limit=20`, headers: asAdmin(app) });
  return res.json<AuditPage>().entries;
}

async function ssoAs(login: string): Promise<{ landed: URL; browser: SsoBrowser }> {
  const browser = new SsoBrowser();
  const landed = await browser.walk(`${url}/api/auth/oidc/start`, { appUrl: url, login });
  return { landed, browser };
}

async function meOf(browser: SsoBrowser): Promise<MeResponse> {
  const res = await browser.request(`${url}/api/auth/me`);
  expect(res.status).toBe(200);
  return (await res.json()) as MeResponse;
}

/** Nothing was kept and nothing switched: what a refused PUT must leave. */
async function expectUnchanged(before: OidcSettingsView, beforeStatus: OidcStatus) {
  expect(await view()).toEqual(before);
  expect(await status()).toEqual(beforeStatus);
}

describe('an admin sets the provider', () => {
  it('with none set: no provider, the defaults to start from, and no button', async () => {
    expect(await view()).toEqual({
      source: null,
      issuer: '',
      clientId: '',
      scopes: ['openid', 'profile', 'email', 'groups'],
      groupsClaim: 'groups',
      usernameClaim: 'preferred_username',
      groupRoles: '',
      defaultRole: null,
      label: 'Sign in with SSO',
      secretSet: false,
      redirectUri: `${url}/api/auth/oidc/callback`,
      secretKeySet: true,
    });
    expect(await status()).toEqual({ enabled: false, label: '' });
  });

  it('refuses wrong settings naming the field, and changes nothing', async () => {
    const before = await view();
    const beforeStatus = await status();
    const cases: [Partial<OidcSettingsBody>, number, RegExp][] = [
      // The provider is asked: it does not know the client with this secret.
      [
        { clientSecret: 'not-the-secret' },
        400,
        /^body\/clientSecret: the provider at http:\/\/127\.0\.0\.1:\d+\/ refused client 'bridgeboard'.*invalid_client/,
      ],
      [{ clientId: 'nobody' }, 400, /^body\/clientSecret: .*refused client 'nobody'/],
      // No provider there: discovery fails, naming the issuer.
      [
        { issuer: `http://127.0.0.1:${await freePort()}` },
        502,
        /^body\/issuer: the provider at http:\/\/127\.0\.0\.1:\d+\/ could not be used: .*discovery failed/,
      ],
      [{ issuer: 'http://id.example.com' }, 400, /^body\/issuer 'http:\/\/id\.example\.com' must be https:\/\//],
      [{ issuer: 'id.example.com' }, 400, /^body\/issuer 'id\.example\.com' is not a URL/],
      [{ groupRoles: 'ops=operator,ops=root' }, 400, /^body\/groupRoles: 'ops=root' is not group=role/],
      [{ scopes: ['profile'] }, 400, /^body\/scopes must include openid/],
    ];
    for (const [change, code, message] of cases) {
      const res = await put({ ...good(), ...change });
      expect({ change, status: res.status }).toEqual({ change, status: code });
      expect(res.body.message).toMatch(message);
      await expectUnchanged(before, beforeStatus);
    }
    // No secret stored yet, and none given.
    const { clientSecret: _, ...withoutSecret } = good();
    const res = await put(withoutSecret);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/^body\/clientSecret is required/);
    expect(row()).toBeUndefined();
    await expectUnchanged(before, beforeStatus);
  });

  it('saves good settings: the button appears without a restart, and the sign-in goes through the provider', async () => {
    const res = await put(good());
    expect(res.status).toBe(200);
    const { clientSecret: _, ...shown } = good();
    expect(res.body).toEqual({
      ...shown,
      source: 'admin',
      secretSet: true,
      redirectUri: `${url}/api/auth/oidc/callback`,
      secretKeySet: true,
    });
    expect(await view()).toEqual(res.body);
    expect(await status()).toEqual({ enabled: true, label: 'Sign in with Example ID' });

    const { landed, browser } = await ssoAs('alice');
    expect(landed.pathname + landed.search).toBe('/');
    expect((await meOf(browser)).user).toMatchObject({ username: 'alice', role: 'operator', via: 'session' });
    expect(app.users.find('alice')).toMatchObject({ source: 'oidc', oidc: { issuer: provider.issuer, subject: 'alice' } });
  });

  it('keeps the stored secret when a change leaves it out', async () => {
    const { clientSecret: _, ...withoutSecret } = good();
    const res = await put({ ...withoutSecret, label: 'Sign in with Example' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ secretSet: true, label: 'Sign in with Example' });
    expect(await status()).toEqual({ enabled: true, label: 'Sign in with Example' });
    expect((await ssoAs('alice')).landed.pathname).toBe('/');
  });

  it('never sends the stored secret to another issuer or client: a change of either needs the secret again', async () => {
    const { clientSecret: _, ...withoutSecret } = good();
    const before = await view();
    for (const change of [{ issuer: 'https://elsewhere.example.test/' }, { clientId: 'another-client' }]) {
      const res = await put({ ...withoutSecret, ...change });
      expect(res.status).toBe(400);
      expect(res.body.message).toBe('body/clientSecret is required when the issuer or the client id changes');
    }
    expect(await view()).toEqual(before);
  });

  it('a refused change leaves the provider in use working', async () => {
    const before = await view();
    const res = await put({ ...good(), clientSecret: 'not-the-secret', label: 'Changed' });
    expect(res.status).toBe(400);
    await expectUnchanged(before, { enabled: true, label: 'Sign in with Example' });
    expect((await ssoAs('alice')).landed.pathname).toBe('/');
  });

  it('a sign-in started before a change is refused cleanly at its callback, with no session', async () => {
    const browser = new SsoBrowser();
    const callback = await browser.walk(`${url}/api/auth/oidc/start`, { appUrl: url, login: 'alice', stopAtCallback: true });
    expect((await put(good())).status).toBe(200);
    const res = await browser.request(callback.href);
    expect(res.headers.get('location')).toBe('/login?error=state');
    expect(browser.cookie(url, 'bb_session')).toBeUndefined();
  });

  it('only admins see or change it', async () => {
    const operator = await newUser(app, url, 'olga', 'operator');
    expect((await operator.get('/api/settings/oidc')).status).toBe(403);
    expect((await operator.request('PUT', '/api/settings/oidc', { body: good() })).status).toBe(403);
    expect((await operator.delete('/api/settings/oidc')).status).toBe(403);
    expect(await status()).toMatchObject({ enabled: true });
  });
});

describe('the client secret never comes back out', () => {
  it('not in any answer of the settings routes', async () => {
    for (const res of [await put(good()), await send(url, 'GET', '/api/settings/oidc', { headers: asAdmin(app) })]) {
      expect(JSON.stringify(res.body)).not.toContain(CLIENT_SECRET);
    }
  });

  it('not in the audit trail: the changes are there, their secret is not', async () => {
    const entries = await auditOf('sso.update');
    expect(entries.filter((e) => e.result === 'ok').length).toBeGreaterThanOrEqual(3);
    expect(entries.filter((e) => e.result === 'refused').length).toBeGreaterThanOrEqual(8);
    expect(entries[0]).toMatchObject({ user: 'token:tests', action: 'sso.update', result: 'ok', params: { issuer: provider.issuer } });
    for (const entry of entries) expect(entry.params).not.toHaveProperty('clientSecret');
    const trail = app.db.prepare('SELECT * FROM audit').all();
    expect(JSON.stringify(trail)).not.toContain(CLIENT_SECRET);
    expect(JSON.stringify(trail)).not.toContain('not-the-secret');
  });

  it('not in the database in clear: the row holds it sealed, and it opens with the key only', async () => {
    const stored = row();
    expect(stored?.client_secret).toMatch(/^v1:/);
    expect(stored?.client_secret).not.toContain(CLIENT_SECRET);
    expect(stored?.fields).not.toContain(CLIENT_SECRET);
    expect(JSON.parse(stored?.fields ?? '{}')).toMatchObject({ issuer: provider.issuer, clientId: CLIENT_ID });
  });

  it('not in the log', () => {
    expect(log).toContain('single sign-on provider set by an admin');
    expect(log).not.toContain(CLIENT_SECRET);
    expect(log).not.toContain('not-the-secret');
  });
});

describe('a restart', () => {
  it('signs in with the stored provider; with another key the secret does not open and SSO is off, saying why', async () => {
    const same = await startApp({}, env());
    try {
      const res = await same.inject({ method: 'GET', url: '/api/auth/oidc' });
      expect(res.json()).toEqual({ enabled: true, label: 'Sign in with Example ID' });
    } finally {
      await same.close();
    }
    let other = '';
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => (other += chunk.toString()));
    const changed = await startApp(
      {},
      { ...env(), BRIDGEBOARD_SECRET_KEY: 'another operator key, just as long as it' },
      { level: 'error', stream },
    );
    try {
      expect((await changed.inject({ method: 'GET', url: '/api/auth/oidc' })).json()).toEqual({ enabled: false, label: '' });
      const shown = (
        await changed.inject({ method: 'GET', url: '/api/settings/oidc', headers: asAdmin(changed) })
      ).json<OidcSettingsView>();
      expect(shown).toMatchObject({ source: 'admin', issuer: provider.issuer, secretSet: false });
      expect(other).toMatch(/single sign-on set by an admin is off: its client secret does not open/);
    } finally {
      await changed.close();
    }
  });
});

describe('turning it off', () => {
  it('DELETE removes the provider: no button, /start refused, the row gone', async () => {
    const res = await send(url, 'DELETE', '/api/settings/oidc', { headers: asAdmin(app) });
    expect(res.status).toBe(204);
    expect(await status()).toEqual({ enabled: false, label: '' });
    expect(await view()).toMatchObject({ source: null, issuer: '', secretSet: false });
    expect(row()).toBeUndefined();
    const start = await new SsoBrowser().request(`${url}/api/auth/oidc/start`);
    expect(start.headers.get('location')).toBe('/login?error=not-configured');
    expect((await auditOf('sso.remove'))[0]).toMatchObject({ user: 'token:tests', result: 'ok', statusCode: 204 });
  });
});

describe('set by the environment', () => {
  let envApp: App;
  beforeAll(async () => {
    envApp = await startApp(
      {},
      {
        ...env(),
        DATABASE_PATH: ':memory:',
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: CLIENT_ID,
        OIDC_CLIENT_SECRET: CLIENT_SECRET,
        OIDC_GROUP_ROLES: 'bb-admins=admin,ops@local=operator',
      },
    );
  });
  afterAll(async () => {
    await (envApp as App | undefined)?.close();
  });

  it('is shown read-only, without its secret; PUT and DELETE answer 409 saying so, and change nothing', async () => {
    const get = async () =>
      (await envApp.inject({ method: 'GET', url: '/api/settings/oidc', headers: asAdmin(envApp) })).json<OidcSettingsView>();
    const before = await get();
    expect(before).toMatchObject({
      source: 'environment',
      issuer: `${provider.issuer}/`,
      clientId: CLIENT_ID,
      groupRoles: 'bb-admins=admin,ops@local=operator',
      secretSet: true,
    });
    expect(JSON.stringify(before)).not.toContain(CLIENT_SECRET);
    for (const method of ['PUT', 'DELETE'] as const) {
      const res = await envApp.inject({
        method,
        url: '/api/settings/oidc',
        headers: asAdmin(envApp),
        ...(method === 'PUT' ? { payload: good() } : {}),
      });
      expect(res.statusCode).toBe(409);
      expect(res.json<{ message: string }>().message).toMatch(/configured by the server's environment \(OIDC_ISSUER\)/);
    }
    expect(await get()).toEqual(before);
    expect((await envApp.inject({ method: 'GET', url: '/api/auth/oidc' })).json()).toEqual({ enabled: true, label: 'Sign in with SSO' });
  });
});
