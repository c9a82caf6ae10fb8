import { createHmac, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connectSocket } from 'socket.io-client';
import {
  DEFAULT_ENGINE_ID,
  type ApiToken,
  type AuditEntry,
  type AuditPage,
  type MeResponse,
  type Snapshot,
  type TokenCreated,
  type User,
} from '@bridgeboard/contract';
import { buildServer } from '../src/build.js';
import { loadConfig } from '../src/config.js';
import { ADMIN_PASSWORD, adminToken, asAdmin, listen, socketClient, startApp, type App, type ClientSocket } from './helpers/app.js';
import { cleanup, docker, inspectNetwork, namespace, runContainer } from './helpers/engine.js';
import {
  connected,
  disconnected,
  handshake,
  login,
  newUser,
  passwordFor,
  send,
  sessionFrom,
  signIn,
  type BrowserSession,
} from './helpers/session.js';

/**
 * Issue 4's server guards, each against the real app on a real port and the real engine: every
 * refusal is checked together with the engine state it protects, so a test fails if its guard goes.
 */

const ns = namespace('sec');
/** A user-defined network the tests try to connect containers to. */
const NET = `${ns}-net`;
/** A network only an admin may remove. */
const VICTIM = `${ns}-victim`;
/** A container on the default bridge only. */
const LOOSE = `${ns}-loose`;
/** A container attached to NET from the start. */
const ATTACHED = `${ns}-attached`;
const PAYLOAD = '<img src=x onerror=alert(1)>';
/** Docker 20.10 takes any network name; the namespace keeps it ours (and cleanup finds it). */
const XSS_NET = `${ns}-${PAYLOAD}`;
const LABELLED = `${ns}-labelled`;

const EVIL = 'https://evil.example';

let app: App;
let url: string;
let admin: BrowserSession;
let vera: BrowserSession; // viewer
let otto: BrowserSession; // operator
const sockets: ClientSocket[] = [];
/** Audit entries the mutations below must have left (checked at the end). */
const expectedAudit: Partial<AuditEntry>[] = [];

function track<T extends ClientSocket>(socket: T): T {
  sockets.push(socket);
  return socket;
}

/** Our networks and who is on them, as the engine says: what "nothing changed" compares. */
async function ours(): Promise<string> {
  const ids = (await docker('network', 'ls', '-q', '--filter', `name=^${ns}`)).split('\n').filter(Boolean);
  const nets = ids.length
    ? (JSON.parse(await docker('network', 'inspect', ...ids)) as { Name: string; Containers: Record<string, { Name: string }> }[])
    : [];
  return JSON.stringify(
    nets
      .map((n) => ({
        name: n.Name,
        endpoints: Object.values(n.Containers)
          .map((c) => c.Name)
          .sort(),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  );
}

async function endpointsOf(network: string): Promise<string[]> {
  return Object.values((await inspectNetwork(network)).Containers)
    .map((c) => c.Name)
    .sort();
}

async function networkExists(name: string): Promise<boolean> {
  return (await docker('network', 'ls', '--format', '{{.Name}}')).split('\n').includes(name);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  await cleanup('bbt-sec-');
  await docker('network', 'create', NET);
  await docker('network', 'create', VICTIM);
  await docker('network', 'create', '--label', `note=${PAYLOAD}`, XSS_NET);
  await runContainer(LOOSE);
  await runContainer(ATTACHED, '--network', NET);
  await runContainer(LABELLED, '--label', `note=${PAYLOAD}`);
  app = await startApp();
  url = await listen(app);
  [admin, vera, otto] = await Promise.all([
    signIn(url, 'admin', ADMIN_PASSWORD),
    newUser(app, url, 'vera', 'viewer'),
    newUser(app, url, 'otto', 'operator'),
  ]);
});

afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  try {
    await cleanup(ns);
  } finally {
    // Unset when beforeAll failed before starting it.
    await (app as App | undefined)?.close();
  }
});

// Which routes answer 401, 403 or let a role through is walked, route by route, in roles.test.ts.
describe('without credentials', () => {
  it('a made-up Bearer token → 401, and no user was created', async () => {
    const res = await send<{ message: string }>(url, 'POST', '/api/users', {
      body: { username: 'mallory', password: 'mallory-password', role: 'admin' },
      headers: { authorization: `Bearer bbt_${randomBytes(32).toString('base64url')}` },
    });
    expect(res.status).toBe(401);
    expect(res.body.message).toMatch(/invalid or revoked/);
    expect(app.users.find('mallory')).toBeNull();
  });

  it('refuses the socket handshake: connect_error, no snapshot', async () => {
    const result = await handshake(track(socketClient(url, {})));
    expect(result).toMatch(/^connect_error: unauthorized/);
  });

  it('refuses the socket handshake with a cookie that names no session', async () => {
    const result = await handshake(track(socketClient(url, { headers: { cookie: 'bb_session=nothing', origin: url } })));
    expect(result).toMatch(/^connect_error/);
  });

  it('records refused mutations in the audit trail, with no user', async () => {
    const before = await ours();
    const anonymous = { headers: { origin: url } };
    const refused = [
      await send<{ message: string }>(url, 'DELETE', `/api/engines/local/networks/${VICTIM}`, anonymous),
      await send<{ message: string }>(url, 'DELETE', `/api/engines/local/networks/${NET}/connections/${ATTACHED}`, anonymous),
      await send<{ message: string }>(url, 'POST', '/api/users', {
        ...anonymous,
        body: { username: 'mallory', password: 'mallory-password', role: 'admin' },
      }),
    ];
    for (const res of refused) {
      expect(res.status).toBe(401);
      expect(res.body.message).toMatch(/sign in/);
    }
    // `ours()` lists every network of the namespace with its endpoints: none appeared, none went.
    expect(await ours()).toBe(before);
    expect(app.users.find('mallory')).toBeNull();
    expectedAudit.push(
      // Refusals by nobody are counted per address, minute, action and status: no target, no params of their own.
      { action: 'network.remove', user: null, role: null, network: null, result: 'refused', statusCode: 401 },
      { action: 'network.disconnect', user: null, network: null, container: null, result: 'refused', statusCode: 401 },
      { action: 'user.create', user: null, result: 'refused', statusCode: 401 },
    );
  });
});

describe('the socket handshake checks Origin', () => {
  it('a valid session cookie from https://evil.example is refused', async () => {
    expect(await handshake(track(vera.socket(EVIL)))).toMatch(/^connect_error/);
  });

  it('the same cookie from its own origin gets a snapshot', async () => {
    expect(await handshake(track(vera.socket(url)))).toBe('snapshot');
  });
});

describe('socket messages are capped', () => {
  it('a 64 KiB message closes the socket; a small one is answered', async () => {
    const socket = track(vera.socket());
    await connected(socket);
    const answered = new Promise<void>((resolve) => socket.once('snapshot', () => resolve()));
    socket.emit('resync', DEFAULT_ENGINE_ID);
    await answered;

    const gone = disconnected(socket);
    (socket.emit as (event: string, ...args: unknown[]) => void)('resync', 'x'.repeat(64 * 1024));
    expect(await gone).toMatch(/^transport (close|error)$/);
  });
});

describe('CSRF: cookie-authenticated changes need the session’s x-csrf-token', () => {
  const name = `${ns}-csrf`;

  it('a POST with the cookie but no x-csrf-token → 403 and nothing created', async () => {
    const res = await otto.post<{ message: string }>('/api/engines/local/networks', { name }, { csrf: null });
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/x-csrf-token/);
    expect(await networkExists(name)).toBe(false);
    // Refused before the body is read, so the entry has no network (only route parameters are known then).
    expectedAudit.push({ action: 'network.create', user: 'otto', role: 'operator', network: null, result: 'refused', statusCode: 403 });
  });

  it('a wrong token → 403', async () => {
    const res = await otto.post('/api/engines/local/networks', { name }, { csrf: randomBytes(24).toString('base64url') });
    expect(res.status).toBe(403);
    expect(await networkExists(name)).toBe(false);
  });

  it('a token from another session of the same user → 403', async () => {
    const other = await signIn(url, 'otto', passwordFor('otto'));
    const res = await otto.post('/api/engines/local/networks', { name }, { csrf: other.csrfToken });
    expect(res.status).toBe(403);
    // The other session's own token, with its own csrf cookie, but this session's cookie: the token is bound to the session.
    const planted = await otto.post(
      '/api/engines/local/networks',
      { name },
      { csrf: other.csrfToken, headers: { cookie: otto.cookieHeader(otto.cookies.bb_session, other.cookies.bb_csrf) } },
    );
    expect(planted.status).toBe(403);
    expect(await networkExists(name)).toBe(false);
  });

  it('the right token from another Origin → 403', async () => {
    const res = await otto.post<{ message: string }>('/api/engines/local/networks', { name }, { headers: { origin: EVIL } });
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/cross-site/);
    expect(await networkExists(name)).toBe(false);
  });

  it('a DELETE without the token → 403 and the network stays', async () => {
    const res = await admin.delete(`/api/engines/local/networks/${VICTIM}`, { csrf: null });
    expect(res.status).toBe(403);
    expect(await networkExists(VICTIM)).toBe(true);
  });

  it('with the right token → 201 and the engine has the network', async () => {
    const res = await otto.post<{ name: string }>('/api/engines/local/networks', { name });
    expect(res.status).toBe(201);
    expect(res.body.name).toBe(name);
    expect(await networkExists(name)).toBe(true);
    expectedAudit.push({ action: 'network.create', user: 'otto', role: 'operator', network: name, result: 'ok', statusCode: 201 });
  });
});

// Every route as every role is walked in roles.test.ts; these send real bodies and check what a
// refusal leaves in the audit trail, and that each role's own work goes through.
describe('roles', () => {
  it('a viewer’s connect → 403 and the network’s endpoints are unchanged', async () => {
    const before = await ours();
    const res = await vera.post<{ message: string }>(`/api/engines/local/networks/${NET}/connections`, { container: LOOSE });
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/viewer/);
    expect(await endpointsOf(NET)).toEqual([ATTACHED]);
    expect(await ours()).toBe(before);
    expectedAudit.push({
      action: 'network.connect',
      user: 'vera',
      role: 'viewer',
      network: NET,
      container: LOOSE,
      result: 'refused',
      statusCode: 403,
    });
  });

  it('a viewer’s remove → 403 and the network stays', async () => {
    const before = await ours();
    const res = await vera.delete(`/api/engines/local/networks/${VICTIM}`);
    expect(res.status).toBe(403);
    expect(await networkExists(VICTIM)).toBe(true);
    expect(await ours()).toBe(before);
    expectedAudit.push({ action: 'network.remove', user: 'vera', role: 'viewer', network: VICTIM, result: 'refused', statusCode: 403 });
  });

  it('an operator’s remove → 403 and the network stays', async () => {
    const before = await ours();
    const res = await otto.delete<{ message: string }>(`/api/engines/local/networks/${VICTIM}`);
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/operator.*admin/);
    expect(await networkExists(VICTIM)).toBe(true);
    expect(await ours()).toBe(before);
    expectedAudit.push({ action: 'network.remove', user: 'otto', role: 'operator', network: VICTIM, result: 'refused', statusCode: 403 });
  });

  it('an operator’s connect and disconnect work', async () => {
    const connect = await otto.post<{ containerName?: string }>(`/api/engines/local/networks/${NET}/connections`, { container: LOOSE });
    expect(connect.status).toBe(201);
    expect(await endpointsOf(NET)).toEqual([ATTACHED, LOOSE].sort());
    expectedAudit.push({ action: 'network.connect', user: 'otto', network: NET, container: LOOSE, result: 'ok', statusCode: 201 });

    const disconnect = await otto.delete(`/api/engines/local/networks/${NET}/connections/${LOOSE}`);
    expect(disconnect.status).toBe(204);
    expect(await endpointsOf(NET)).toEqual([ATTACHED]);
    expectedAudit.push({ action: 'network.disconnect', user: 'otto', network: NET, container: LOOSE, result: 'ok', statusCode: 204 });
  });

  it('an operator’s create works', async () => {
    const res = await otto.post('/api/engines/local/networks', { name: `${ns}-byoperator` });
    expect(res.status).toBe(201);
    expect(await networkExists(`${ns}-byoperator`)).toBe(true);
  });

  it('an admin’s remove works', async () => {
    const res = await admin.delete(`/api/engines/local/networks/${VICTIM}`);
    expect(res.status).toBe(204);
    expect(await networkExists(VICTIM)).toBe(false);
    expectedAudit.push({ action: 'network.remove', user: 'admin', role: 'admin', network: VICTIM, result: 'ok', statusCode: 204 });
  });
});

describe('sessions', () => {
  /** `value.signature`, as @fastify/cookie signs, with a key that is not the server's. */
  const signedWrongly = (value: string) =>
    encodeURIComponent(
      `${value}.${createHmac('sha256', 'not-the-server-secret-'.repeat(3)).update(value).digest('base64').replace(/=+$/, '')}`,
    );

  const forgeries: [string, () => string][] = [
    ['a bad signature', () => `${decodeURIComponent(otto.cookies.bb_session).split('.')[0]}.${'A'.repeat(43)}`],
    ['a random value signed with another key', () => signedWrongly(randomBytes(32).toString('base64url'))],
    [
      'the real session value signed with another key',
      () => signedWrongly(decodeURIComponent(otto.cookies.bb_session).split('.')[0] ?? ''),
    ],
    ['a random value signed with the server’s key', () => encodeURIComponent(app.signCookie(randomBytes(32).toString('base64url')))],
    [
      'a tampered value',
      () => {
        const raw = decodeURIComponent(otto.cookies.bb_session);
        return encodeURIComponent(`${raw[0] === 'A' ? 'B' : 'A'}${raw.slice(1)}`);
      },
    ],
    ['the bare value, unsigned', () => decodeURIComponent(otto.cookies.bb_session).split('.')[0] ?? ''],
  ];

  it('the real cookie is accepted (the forgeries below differ from it only in the cookie)', async () => {
    const res = await otto.get<MeResponse>('/api/auth/me');
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual({ username: 'otto', role: 'operator', engineRoles: {}, grants: [], via: 'session' });
  });

  it.each(forgeries)('a forged cookie (%s) → 401 on REST and a refused socket', async (_label, forge) => {
    const cookie = otto.cookieHeader(forge());
    expect(cookie).not.toBe(otto.cookieHeader());
    const me = await send(url, 'GET', '/api/auth/me', { headers: { cookie, origin: url } });
    expect(me.status).toBe(401);
    const create = await send(url, 'POST', '/api/engines/local/networks', {
      body: { name: `${ns}-forged` },
      headers: { cookie, origin: url, 'x-csrf-token': otto.csrfToken },
    });
    expect(create.status).toBe(401);
    expect(await networkExists(`${ns}-forged`)).toBe(false);
    expect(await handshake(track(socketClient(url, { headers: { cookie, origin: url } })))).toMatch(/^connect_error/);
  });

  it('a cross-site logout (no x-csrf-token) does not end the session', async () => {
    const session = await signIn(url, 'vera', passwordFor('vera'));
    expect((await session.post('/api/auth/logout', undefined, { csrf: null })).status).toBe(403);
    expect((await session.get('/api/auth/me')).status).toBe(200);
  });

  it('logout ends the session: the old cookie → 401, and that session’s socket is disconnected', async () => {
    const session = await signIn(url, 'vera', passwordFor('vera'));
    const socket = track(session.socket());
    await connected(socket);
    // Another session of the same user, with its own socket: it lives on.
    const otherSocket = track(vera.socket());
    await connected(otherSocket);

    const gone = disconnected(socket);
    const res = await session.post('/api/auth/logout');
    expect(res.status).toBe(204);
    expect(res.headers.getSetCookie().some((c) => /^bb_session=;/.test(c))).toBe(true);
    expect(await gone).toBe('io server disconnect');
    expectedAudit.push({ action: 'auth.logout', user: 'vera', role: 'viewer', result: 'ok', statusCode: 204 });

    expect((await session.get('/api/auth/me')).status).toBe(401);
    expect((await session.get('/api/engines/local/topology')).status).toBe(401);
    expect(await handshake(track(session.socket()))).toMatch(/^connect_error/);
    expect(otherSocket.connected).toBe(true);
    expect((await vera.get('/api/auth/me')).status).toBe(200);
  });

  it('an expired session → 401, and its open socket is disconnected when it expires', async () => {
    const short = await startApp({}, { SESSION_TTL_SECONDS: '1' });
    try {
      const shortUrl = await listen(short);
      const session = await signIn(shortUrl, 'admin', ADMIN_PASSWORD);
      const expiresAt = Date.parse(session.me.expiresAt ?? '');
      expect(expiresAt - Date.now()).toBeLessThanOrEqual(1000);
      const socket = track(session.socket());
      await connected(socket);
      expect((await session.get('/api/auth/me')).status).toBe(200);

      expect(await disconnected(socket, 3000)).toBe('io server disconnect');
      expect(Date.now()).toBeGreaterThanOrEqual(expiresAt - 50);
      await sleep(Math.max(0, expiresAt + 50 - Date.now()));
      expect((await session.get('/api/auth/me')).status).toBe(401);
      expect((await session.get('/api/engines/local/topology')).status).toBe(401);
      expect(await handshake(track(session.socket()))).toMatch(/^connect_error/);
    } finally {
      await short.close();
    }
  });
});

describe('API tokens', () => {
  it('a token in ?token= is ignored: 401, and the socket is refused', async () => {
    const token = adminToken(app);
    expect((await send(url, 'GET', `/api/engines/local/topology?token=${token}`)).status).toBe(401);
    expect((await send(url, 'GET', `/api/users?token=${token}`)).status).toBe(401);
    const socket = track(connectSocket(url, { transports: ['websocket'], query: { token }, reconnection: false }));
    expect(await handshake(socket)).toMatch(/^connect_error/);
  });

  it('a Bearer token works for REST and for the socket (auth: { token })', async () => {
    const rest = await send<Snapshot>(url, 'GET', '/api/engines/local/topology', { headers: asAdmin(app) });
    expect(rest.status).toBe(200);
    expect(Object.values(rest.body.topology.networks).some((n) => n.name === NET)).toBe(true);
    expect(await handshake(track(socketClient(url, { token: adminToken(app) })))).toBe('snapshot');
  });

  it('an admin creates a token that is shown once, stored hashed, and carries its own role', async () => {
    const created = await admin.post<TokenCreated>('/api/tokens', { name: 'ci viewer', role: 'viewer' });
    expect(created.status).toBe(201);
    const secret = created.body.token;
    expect(secret).toMatch(/^bbt_/);
    expectedAudit.push({ action: 'token.create', user: 'admin', result: 'ok', statusCode: 201 });

    // Not in any table of the database, in any form the tests can think of.
    const tables = app.db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all();
    expect(tables.map((t) => t.name)).toContain('tokens');
    for (const { name } of tables) {
      const dump = JSON.stringify(app.db.prepare(`SELECT * FROM "${name}"`).all());
      expect(dump, `table ${name}`).not.toContain(secret);
      expect(dump, `table ${name}`).not.toContain(secret.slice('bbt_'.length));
      expect(dump, `table ${name}`).not.toContain(passwordFor('otto'));
    }
    const listed = await admin.get<{ tokens: ApiToken[] }>('/api/tokens');
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    expect(listed.body.tokens.find((t) => t.id === created.body.id)).toMatchObject({
      name: 'ci viewer',
      role: 'viewer',
      createdBy: 'admin',
    });

    const bearer = { authorization: `Bearer ${secret}` };
    expect((await send(url, 'GET', '/api/engines/local/topology', { headers: bearer })).status).toBe(200);
    const before = await ours();
    const connect = await send(url, 'POST', `/api/engines/local/networks/${NET}/connections`, {
      body: { container: LOOSE },
      headers: bearer,
    });
    expect(connect.status).toBe(403);
    expect(await ours()).toBe(before);
  });

  it('a revoked token → 401, and its open socket is disconnected', async () => {
    const created = await admin.post<TokenCreated>('/api/tokens', { name: 'short lived', role: 'operator' });
    expect(created.status).toBe(201);
    const bearer = { authorization: `Bearer ${created.body.token}` };
    const socket = track(socketClient(url, { token: created.body.token }));
    socket.io.reconnection(false);
    await connected(socket);
    // A socket of another token stays.
    const keep = track(socketClient(url, { token: adminToken(app) }));
    await connected(keep);

    const gone = disconnected(socket);
    expect((await admin.delete(`/api/tokens/${created.body.id}`)).status).toBe(204);
    expect(await gone).toBe('io server disconnect');
    expectedAudit.push({ action: 'token.revoke', user: 'admin', result: 'ok', statusCode: 204 });

    const res = await send<{ message: string }>(url, 'GET', '/api/engines/local/topology', { headers: bearer });
    expect(res.status).toBe(401);
    expect(res.body.message).toMatch(/revoked/);
    expect(await handshake(track(socketClient(url, { token: created.body.token })))).toMatch(/^connect_error/);
    expect(keep.connected).toBe(true);
  });
});

describe('sign-in lockout', () => {
  it('30 bad passwords → 429 with Retry-After, the right one refused too until the window ends, then it works', async () => {
    // 3 failures lock the name (from this address) until 3 s after the first failure; 3 argon2
    // checks take well under a second even on a slow machine, so most of the window is left.
    const locked = await startApp({}, { LOGIN_WINDOW_SECONDS: '3', LOGIN_MAX_ATTEMPTS: '3' });
    try {
      const lockedUrl = await listen(locked);
      const started = Date.now();
      const answers = [await login(lockedUrl, 'admin', 'wrong-password-0')];
      // The server counted the failure before it answered: the window ends no later than 3 s from here.
      const firstFailureAnswered = Date.now();
      const bad = async (from: number, to: number) => {
        for (let i = from; i < to; i++) answers.push(await login(lockedUrl, 'admin', `wrong-password-${i}`));
      };
      await bad(1, 5);
      // While the name is locked the right password is refused as well, by the lock (this is the
      // 6th request from this address: under the per-address limit of 3 × 5 per window, which
      // answers the later ones with its own 429 before the body is even read).
      const rightWhileLocked = await login(lockedUrl, 'admin', ADMIN_PASSWORD);
      await bad(5, 30);
      const rightAtTheEnd = await login(lockedUrl, 'admin', ADMIN_PASSWORD);

      const statuses = answers.map((a) => a.status);
      expect(statuses.slice(0, 3), `${Date.now() - started} ms`).toEqual(Array<number>(3).fill(401));
      expect(statuses.slice(3)).toEqual(Array<number>(27).fill(429));
      for (const a of [...answers.slice(3), rightWhileLocked, rightAtTheEnd]) {
        const retryAfter = Number(a.headers.get('retry-after'));
        expect(retryAfter).toBeGreaterThanOrEqual(1);
        expect(retryAfter).toBeLessThanOrEqual(3);
      }
      expect(rightWhileLocked.status).toBe(429);
      expect((rightWhileLocked.body as unknown as { message: string }).message).toMatch(/too many failed sign-ins for 'admin'/);
      expect(rightWhileLocked.headers.get('set-cookie')).toBeNull();
      expect(rightAtTheEnd.status).toBe(429);
      expect(rightAtTheEnd.headers.get('set-cookie')).toBeNull();

      // The lock is per name and address: the same name from elsewhere still signs in.
      const elsewhere = await locked.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.9.8.7',
        payload: { username: 'admin', password: ADMIN_PASSWORD },
      });
      expect(elsewhere.statusCode).toBe(200);

      await sleep(Math.max(0, firstFailureAnswered + 3000 + 100 - Date.now()));
      const after = await login(lockedUrl, 'admin', ADMIN_PASSWORD);
      expect(after.status, JSON.stringify(after.body)).toBe(200);
      expect(sessionFrom(lockedUrl, after).me.user.role).toBe('admin');

      const audit = (
        await locked.inject({ method: 'GET', url: '/api/audit?action=auth.login&limit=500', headers: asAdmin(locked) })
      ).json<AuditPage>();
      expect(audit.entries.filter((e) => e.statusCode === 401 && e.result === 'refused' && e.user === 'admin')).toHaveLength(3);
      // 27 wrong and the right one twice, by nobody signed in: counted per address and minute.
      const lockedOut = audit.entries.filter((e) => e.statusCode === 429 && e.result === 'refused');
      expect(lockedOut.map((e) => e.user)).toEqual(lockedOut.map(() => null));
      expect(lockedOut.reduce((sum, e) => sum + Number(e.params.count), 0)).toBe(29);
      expect(audit.entries.filter((e) => e.result === 'ok' && e.user === 'admin').map((e) => e.client)).toEqual(['127.0.0.1', '10.9.8.7']);
      expect(JSON.stringify(audit)).not.toContain('wrong-password');
      expect(JSON.stringify(audit)).not.toContain(ADMIN_PASSWORD);
    } finally {
      await locked.close();
    }
  });
});

describe('first start', () => {
  it('without an admin password: the setup token makes the first admin, once', async () => {
    const fresh = await buildServer(
      { config: loadConfig({ LOG_LEVEL: 'error', DATABASE_PATH: ':memory:' }), watcher: {} },
      { logger: { level: 'error' } },
    );
    try {
      const freshUrl = await listen(fresh);
      const setupToken = fresh.setupToken;
      expect(setupToken).toEqual(expect.any(String));
      expect((await send(freshUrl, 'GET', '/api/auth/setup')).body).toEqual({ required: true });
      expect((await login(freshUrl, 'admin', ADMIN_PASSWORD)).status).toBe(401);

      const body = { username: 'founder', password: passwordFor('founder') };
      const wrong = await send(freshUrl, 'POST', '/api/auth/setup', {
        body: { ...body, setupToken: 'not-the-token' },
        headers: { origin: freshUrl },
      });
      expect(wrong.status).toBe(403);
      expect(fresh.users.count()).toBe(0);
      expect((await send(freshUrl, 'GET', '/api/auth/setup')).body).toEqual({ required: true });

      const right = await send<MeResponse>(freshUrl, 'POST', '/api/auth/setup', {
        body: { ...body, setupToken },
        headers: { origin: freshUrl },
      });
      expect(right.status).toBe(200);
      const founder = sessionFrom(freshUrl, right);
      expect(founder.me.user).toEqual({ username: 'founder', role: 'admin', engineRoles: {}, grants: [], via: 'session' });
      expect((await founder.get<MeResponse>('/api/auth/me')).body.user.username).toBe('founder');
      expect((await founder.get<{ users: User[] }>('/api/users')).body.users.map((u) => [u.username, u.role])).toEqual([
        ['founder', 'admin'],
      ]);

      const again = await send(freshUrl, 'POST', '/api/auth/setup', {
        body: { username: 'second', password: passwordFor('second'), setupToken },
        headers: { origin: freshUrl },
      });
      expect(again.status).toBe(409);
      expect((await send(freshUrl, 'GET', '/api/auth/setup')).body).toEqual({ required: false });
      expect(fresh.users.find('second')).toBeNull();

      const audit = (await founder.get<AuditPage>('/api/audit?action=auth.setup')).body.entries;
      expect(audit.map((e) => [e.result, e.statusCode])).toEqual([
        ['refused', 409],
        ['ok', 200],
        ['refused', 403],
      ]);
      expect(JSON.stringify(audit)).not.toContain(setupToken);
      expect(JSON.stringify(audit)).not.toContain(passwordFor('founder'));
    } finally {
      await fresh.close();
    }
  });

  it('refuses to start on 0.0.0.0 with no users', async () => {
    await expect(
      buildServer(
        {
          config: loadConfig({ LOG_LEVEL: 'silent', DATABASE_PATH: ':memory:', HOST: '0.0.0.0', PUBLIC_URL: 'http://127.0.0.1:8080' }),
          watcher: {},
        },
        { logger: { level: 'silent' } },
      ),
    ).rejects.toThrow(/non-loopback HOST with no users.*BRIDGEBOARD_ADMIN_PASSWORD/);
  });

  it('starts on 0.0.0.0 once an admin password is given', async () => {
    const exposed = await startApp({}, { HOST: '0.0.0.0', PUBLIC_URL: 'http://127.0.0.1:8080' });
    await exposed.close();
  });
});

describe('users', () => {
  it('an admin creates a user, who can sign in with its role', async () => {
    const res = await admin.post<User>('/api/users', { username: 'uma', password: passwordFor('uma'), role: 'viewer' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ username: 'uma', role: 'viewer' });
    expect(JSON.stringify(res.body)).not.toMatch(/hash|pw-of/);
    expectedAudit.push({
      action: 'user.create',
      user: 'admin',
      result: 'ok',
      statusCode: 201,
      params: { username: 'uma', role: 'viewer' },
    });
    const uma = await signIn(url, 'uma', passwordFor('uma'));
    expect(uma.me.user.role).toBe('viewer');
  });

  it('changing a user’s role ends their sessions and disconnects their sockets', async () => {
    const uma = await signIn(url, 'uma', passwordFor('uma'));
    const socket = track(uma.socket());
    await connected(socket);
    const gone = disconnected(socket);
    const res = await admin.patch<User>('/api/users/uma', { role: 'operator' });
    expect(res.status).toBe(200);
    expect(res.body.role).toBe('operator');
    expect(await gone).toBe('io server disconnect');
    expect((await uma.get('/api/auth/me')).status).toBe(401);
    expectedAudit.push({
      action: 'user.update',
      user: 'admin',
      result: 'ok',
      statusCode: 200,
      params: { username: 'uma', role: 'operator' },
    });
    const again = await signIn(url, 'uma', passwordFor('uma'));
    expect(again.me.user.role).toBe('operator');
  });

  it('the last admin can be neither demoted nor removed (409)', async () => {
    expect(app.users.admins()).toBe(1);
    const demote = await admin.patch<{ message: string }>('/api/users/admin', { role: 'viewer' });
    expect(demote.status).toBe(409);
    expect(demote.body.message).toMatch(/last admin/);
    const remove = await admin.delete('/api/users/admin');
    expect(remove.status).toBe(409);
    expect(app.users.find('admin')?.role).toBe('admin');
    expect((await admin.get('/api/users')).status).toBe(200);
    expectedAudit.push({ action: 'user.update', user: 'admin', result: 'refused', statusCode: 409 });
    expectedAudit.push({ action: 'user.remove', user: 'admin', result: 'refused', statusCode: 409 });
  });

  it.each([
    ['a short password', { username: 'newbie', password: 'short', role: 'viewer' }, 'password'],
    ['a bad username', { username: 'Bad Name', password: passwordFor('x'), role: 'viewer' }, 'username'],
    ['an unknown role', { username: 'newbie', password: passwordFor('x'), role: 'root' }, 'role'],
    ['a missing role', { username: 'newbie', password: passwordFor('x') }, 'role'],
    ['an unknown field', { username: 'newbie', password: passwordFor('x'), role: 'viewer', isAdmin: true }, 'isAdmin'],
  ])('creating a user with %s → 400 naming the field', async (_label, body, fieldName) => {
    const res = await admin.post<{ message: string }>('/api/users', body);
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(fieldName);
    expect(app.users.find('newbie')).toBeNull();
  });

  it('changing a password to a short one → 400 naming password', async () => {
    const res = await admin.patch<{ message: string }>('/api/users/uma', { password: 'short' });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('password');
  });

  it('removing a user ends their sessions and sockets', async () => {
    const uma = await signIn(url, 'uma', passwordFor('uma'));
    const socket = track(uma.socket());
    await connected(socket);
    const gone = disconnected(socket);
    expect((await admin.delete('/api/users/uma')).status).toBe(204);
    expect(await gone).toBe('io server disconnect');
    expect((await uma.get('/api/auth/me')).status).toBe(401);
    expect((await login(url, 'uma', passwordFor('uma'))).status).toBe(401);
  });
});

describe('names and labels from the engine are data', () => {
  it('the engine really holds the payload (a network name, labels); only container names are refused by Docker', async () => {
    expect(await networkExists(XSS_NET)).toBe(true);
    await expect(docker('run', '--rm', '--name', PAYLOAD, 'bridgeboard/busybox:offline', 'true')).rejects.toThrow(/Invalid container name/);
  });

  it('GET /api/engines/local/topology returns them verbatim, as JSON', async () => {
    const res = await fetch(`${url}/api/engines/local/topology`, { headers: vera.headers });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const text = await res.text();
    expect(text).toContain(PAYLOAD);
    const { topology } = JSON.parse(text) as Snapshot;
    const network = Object.values(topology.networks).find((n) => n.name === XSS_NET);
    expect(network?.labels).toEqual({ note: PAYLOAD });
    const container = Object.values(topology.containers).find((c) => c.name === LABELLED);
    expect(container?.labels.note).toBe(PAYLOAD);
  });

  it('the API refuses the payload as a name with 400, and creates nothing', async () => {
    const before = await ours();
    const create = await otto.post<{ message: string }>('/api/engines/local/networks', { name: PAYLOAD });
    expect(create.status).toBe(400);
    expect(create.body.message).toContain('name');
    const connect = await otto.post<{ message: string }>(`/api/engines/local/networks/${NET}/connections`, { container: PAYLOAD });
    expect(connect.status).toBe(400);
    expect(connect.body.message).toContain('container');
    const byName = await otto.post(`/api/engines/local/networks/${encodeURIComponent(XSS_NET)}/connections`, { container: LOOSE });
    expect(byName.status).toBe(400);
    expect(await ours()).toBe(before);
    expect(await networkExists(PAYLOAD)).toBe(false);
    expectedAudit.push({ action: 'network.create', user: 'otto', network: PAYLOAD, result: 'refused', statusCode: 400 });
  });
});

describe('audit of this file', () => {
  it('every mutation above is in the audit trail with its user and result', async () => {
    const { entries } = (await send<AuditPage>(url, 'GET', '/api/audit?limit=500', { headers: asAdmin(app) })).body;
    for (const expected of expectedAudit) {
      expect(entries, JSON.stringify(expected)).toContainEqual(expect.objectContaining({ ...expected, client: '127.0.0.1' }));
    }
    const dump = JSON.stringify(entries);
    for (const secret of [ADMIN_PASSWORD, passwordFor('vera'), passwordFor('otto'), passwordFor('uma'), adminToken(app)]) {
      expect(dump).not.toContain(secret);
    }
  });
});
