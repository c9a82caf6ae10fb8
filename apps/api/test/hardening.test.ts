import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage, SetupStatus, TokenCreated } from '@bridgeboard/contract';
import { BridgeboardError } from '../src/errors.js';
import { applyMigration } from '../src/services/migration.js';
import { asAdmin, listen, startApp, type App } from './helpers/app.js';
import { cleanup, docker, namespace, runContainer } from './helpers/engine.js';
import { login, newUser } from './helpers/session.js';

/** Guards added after a stranger's review: each test fails without its fix. */
const ns = namespace('hard');

describe('hardening', () => {
  let app: App;
  let url: string;
  beforeAll(async () => {
    await cleanup('bbt-hard-');
    app = await startApp({}, { LOGIN_MAX_ATTEMPTS: '3', LOGIN_WINDOW_SECONDS: '60' });
    url = await listen(app);
  });
  afterAll(async () => {
    await app.close();
    await cleanup(ns);
  });

  it('counts parallel wrong sign-ins before checking them: no more than the allowed number get a password check', async () => {
    await newUser(app, url, 'racer', 'viewer');
    const answers = await Promise.all(Array.from({ length: 12 }, () => login(url, 'racer', 'wrong-password-here')));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(9);
  });

  it('keeps a failed sign-in for an unknown name out of the trail’s user and params', async () => {
    const typed = 'my-Secret-Passw0rd';
    expect((await login(url, typed, 'whatever-it-is')).status).toBe(401);
    const page = (
      await app.inject({ method: 'GET', url: '/api/audit?action=auth.login&result=refused', headers: asAdmin(app) })
    ).json<AuditPage>();
    expect(JSON.stringify(page.entries)).not.toContain(typed);
    expect(page.entries[0]).toMatchObject({ user: null, params: {} });
  });

  it('revokes the tokens an admin made when the admin is demoted', async () => {
    const admin = await newUser(app, url, 'boss', 'admin');
    const made = await admin.post<TokenCreated>('/api/tokens', { name: 'boss-script', role: 'admin' });
    expect(made.status).toBe(201);
    const secret = made.body.token;
    const before = await app.inject({ method: 'GET', url: '/api/users', headers: { authorization: `Bearer ${secret}` } });
    expect(before.statusCode).toBe(200);
    const demote = await app.inject({ method: 'PATCH', url: '/api/users/boss', headers: asAdmin(app), payload: { role: 'viewer' } });
    expect(demote.statusCode).toBe(200);
    const after = await app.inject({ method: 'GET', url: '/api/users', headers: { authorization: `Bearer ${secret}` } });
    expect(after.statusCode).toBe(401);
  });

  it('never demotes the last two admins at once, even while their new passwords are being hashed', async () => {
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/users',
          headers: asAdmin(app),
          payload: { username: 'second', password: 'second-password-1', role: 'admin' },
        })
      ).statusCode,
    ).toBe(201);
    const admins = app.users
      .list()
      .filter((u) => u.role === 'admin')
      .map((u) => u.username);
    const demote = (username: string) =>
      app.inject({
        method: 'PATCH',
        url: `/api/users/${username}`,
        headers: asAdmin(app),
        payload: { role: 'viewer', password: 'a-new-password-1' },
      });
    const statuses = (await Promise.all(admins.map(demote))).map((r) => r.statusCode).sort();
    expect(statuses).toEqual([...Array<number>(admins.length - 1).fill(200), 409]);
    expect(app.users.admins()).toBe(1);
  });

  it('refuses a second token of the same name (the trail knows a token by its name)', async () => {
    const make = () =>
      app.inject({ method: 'POST', url: '/api/tokens', headers: asAdmin(app), payload: { name: 'nightly', role: 'viewer' } });
    expect((await make()).statusCode).toBe(201);
    const again = await make();
    expect(again.statusCode).toBe(409);
    expect(again.json<{ message: string }>().message).toMatch(/name/);
  });

  it('applies a migration only if its plan is still the one the user reviewed', async () => {
    await runContainer(`${ns}-a`);
    // The plan is made from the board: it must know the container (its create event may still be on its way).
    await app.defaultEngine.watcher.refresh({ kind: 'container', id: await docker('inspect', '-f', '{{.Id}}', `${ns}-a`) });
    const body = { containers: [`${ns}-a`], networkName: `${ns}-net` };
    const stale = ['docker network create --driver bridge --subnet 10.99.99.0/24 --gateway 10.99.99.1 somewhere-else'];
    const refused = await applyMigration(app.defaultEngine, { ...body, expectCommands: stale }, 'tests', () => undefined).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(BridgeboardError);
    expect(refused).toMatchObject({ problem: 'conflict', message: expect.stringMatching(/topology changed since this plan/) as string });
    expect(await docker('network', 'ls', '-q', '--filter', `name=^${ns}-net$`)).toBe('');
  });

  it('runs one migration at a time', async () => {
    await runContainer(`${ns}-b`);
    await runContainer(`${ns}-c`);
    const results = await Promise.allSettled([
      applyMigration(app.defaultEngine, { containers: [`${ns}-b`], networkName: `${ns}-one` }, 'tests', () => undefined),
      applyMigration(app.defaultEngine, { containers: [`${ns}-c`], networkName: `${ns}-two` }, 'tests', () => undefined),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = (results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason as unknown;
    expect(refused).toBeInstanceOf(BridgeboardError);
    expect(refused).toMatchObject({ problem: 'conflict', message: expect.stringMatching(/another migration is running/) as string });
  });

  it('closes first-start setup once a user exists, even with a setup token out', async () => {
    const fresh = await startApp({}, { BRIDGEBOARD_ADMIN_PASSWORD: '' }).catch(() => null);
    // An empty admin password is refused outright (the example env file ships it empty on purpose).
    expect(fresh).toBeNull();
    const open = await startApp({}, {});
    try {
      // startApp gives an admin password; take the state of a server that logged a token and then got a user from the CLI.
      open.setupToken = 'token-from-the-log';
      const res = await open.inject({ method: 'GET', url: '/api/auth/setup' });
      expect(res.json<SetupStatus>().required).toBe(false);
      const claim = await open.inject({
        method: 'POST',
        url: '/api/auth/setup',
        payload: { setupToken: 'token-from-the-log', username: 'intruder', password: 'long-enough-password' },
      });
      expect(claim.statusCode).toBe(409);
    } finally {
      await open.close();
    }
  });
});
