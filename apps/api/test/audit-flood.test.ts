import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import type { AuditEntry, AuditPage } from '@bridgeboard/contract';
import { AuditLog } from '../src/audit/audit-log.js';
import { openDatabase } from '../src/store/database.js';
import { adminToken, asAdmin, listen, nextEvent, socketClient, startApp, type App, type ClientSocket } from './helpers/app.js';
import { connected, handshake, send } from './helpers/session.js';

/**
 * Anonymous floods: refused requests that carry no valid credential are counted per address and
 * minute, so 10,000 of them barely grow the database and reach no socket; a wrong password for a
 * real name keeps its row, bounded by the lockout; socket handshakes share the API's rate limit.
 */

const FLOOD = 10_000;
/** Addresses of the flood; `UNIQUE` kinds come from a new IPv6 address each time. */
const FIXED = ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5'];
const GUESSER = '10.0.9.9';

/** The i-th request of the flood: eight kinds of refusal, none with a valid credential. */
function floodRequest(i: number): InjectOptions {
  const remoteAddress = FIXED[Math.floor(i / 8) % FIXED.length] ?? '10.0.0.1';
  switch (i % 8) {
    case 0: // no credentials at all
      return { method: 'POST', url: '/api/engines/local/networks', payload: { name: 'flood' }, remoteAddress };
    case 1: // a forged session cookie and a made-up CSRF token
      return {
        method: 'DELETE',
        url: '/api/engines/local/networks/flood',
        headers: { cookie: `bb_session=forged${i}.c2lnbmF0dXJl; bb_csrf=junk`, 'x-csrf-token': `junk-${i}` },
        remoteAddress,
      };
    case 2: // a made-up API token
      return {
        method: 'POST',
        url: '/api/users',
        headers: { authorization: `Bearer bbt_made-up-${i}` },
        payload: { username: 'mallory', password: 'mallory-password', role: 'admin' },
        remoteAddress,
      };
    case 3: // another site's page
      return {
        method: 'POST',
        url: '/api/engines/local/networks/flood/connections',
        headers: { origin: 'https://evil.example' },
        payload: { container: 'x' },
        remoteAddress,
      };
    case 4: // guessing names: a few wrong sign-ins, then the per-address sign-in limit (429)
      return {
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: `ghost-${i}`, password: 'guessed-password' },
        remoteAddress: GUESSER,
      };
    case 5: // a sign-in body the schema refuses (400), then 429
      return { method: 'POST', url: '/api/auth/login', payload: { username: 'admin' }, remoteAddress };
    case 6: // setup after setup (409), then the global rate limit (429)
      return {
        method: 'POST',
        url: '/api/auth/setup',
        payload: { username: 'mallory', password: 'mallory-password', setupToken: `guess-${i}` },
        remoteAddress,
      };
    default: // sign-out without a session, from a new address every time: IPv6 in one /64, or IPv4
      return {
        method: 'POST',
        url: '/api/auth/logout',
        remoteAddress: Math.floor(i / 8) % 2 ? `2001:db8::${i.toString(16)}` : `10.1.${(i >> 8) & 255}.${i & 255}`,
      };
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('10,000 refused anonymous requests', () => {
  let dir: string;
  let file: string;
  let app: App;
  let url: string;
  let watcher: ClientSocket;
  const received: AuditEntry[] = [];
  const statuses = new Map<number, number>();
  let grewBy = 0;

  /** The database's size with everything written into the file itself (WAL checkpointed and truncated). */
  const databaseSize = () => {
    app.auditLog.flush();
    app.db.pragma('wal_checkpoint(TRUNCATE)');
    return statSync(file).size;
  };

  const trail = async (query = ''): Promise<AuditEntry[]> => {
    const res = await app.inject({ method: 'GET', url: `/api/audit?limit=500${query}`, headers: asAdmin(app) });
    expect(res.statusCode).toBe(200);
    const page = res.json<AuditPage>();
    expect(page.nextBefore).toBeNull();
    return page.entries;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bb-audit-flood-'));
    file = join(dir, 'bridgeboard.db');
    app = await startApp({}, { DATABASE_PATH: file, LOGIN_MAX_ATTEMPTS: '1', RATE_LIMIT_PER_MINUTE: '200' });
    url = await listen(app);
    watcher = socketClient(url, { token: adminToken(app) });
    watcher.on('audit', (entry) => received.push(entry));
    await connected(watcher);

    const before = databaseSize();
    const started = Date.now();
    for (let from = 0; from < FLOOD; from += 500) {
      const answers = await Promise.all(Array.from({ length: 500 }, (_, k) => app.inject(floodRequest(from + k))));
      for (const a of answers) statuses.set(a.statusCode, (statuses.get(a.statusCode) ?? 0) + 1);
    }
    // Each count is taken once the answer has gone (onResponse): wait until all are in.
    const until = Date.now() + 5000;
    while (counted(app.auditLog.query({ result: 'refused', limit: 500 }).entries) < FLOOD && Date.now() < until) await sleep(20);
    grewBy = databaseSize() - before;
    console.info(
      `flood: ${FLOOD} requests in ${Date.now() - started} ms, statuses ${JSON.stringify([...statuses])}, database +${grewBy} bytes`,
    );
  }, 120_000);

  afterAll(async () => {
    watcher.disconnect();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** How many refusals the tallies in `entries` stand for. */
  function counted(entries: AuditEntry[]): number {
    return entries.reduce((sum, e) => sum + (typeof e.params.count === 'number' ? e.params.count : 0), 0);
  }

  it('were all refused, in every way the flood tried', () => {
    expect([...statuses.keys()].sort((a, b) => a - b)).toEqual(expect.arrayContaining([401, 403, 409, 429]));
    for (const status of statuses.keys()) expect([400, 401, 403, 409, 429]).toContain(status);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(FLOOD);
  });

  it('grow the database file by less than 100 KiB', () => {
    expect(grewBy).toBeLessThan(100 * 1024);
  });

  it('reach no socket: the next signed-in refusal is the first audit entry the board gets', async () => {
    const [[marker], res] = await Promise.all([
      nextEvent(watcher, 'audit'),
      send(url, 'POST', '/api/engines/local/networks', { body: { name: 'a b' }, headers: asAdmin(app) }),
    ]);
    expect(res.status).toBe(400);
    expect(marker).toMatchObject({ user: 'token:tests', action: 'network.create', result: 'refused', statusCode: 400 });
    expect(received).toEqual([marker]);
  });

  it('are counted in GET /api/audit: one entry per address, minute, action and status, adding up to every request', async () => {
    const tallies = (await trail('&result=refused')).filter((e) => e.user === null);
    expect(counted(tallies)).toBe(FLOOD);
    // At most 60 tallies a minute name their client, then one `*` per action and status (twice
    // that if the flood crossed a minute): the 625 new IPv4 addresses are folded into `*`.
    expect(tallies.length).toBeLessThanOrEqual(2 * (60 + 8));
    for (const e of tallies) {
      expect(e).toMatchObject({ role: null, network: null, container: null, result: 'refused' });
      expect(Object.keys(e.params).sort()).toEqual(['count', 'until']);
      expect(Date.parse(String(e.params.until)) - Date.parse(e.at)).toBeLessThanOrEqual(60_000);
    }
    const byKind = (action: string, statusCode: number, client: string) =>
      counted(tallies.filter((e) => e.action === action && e.statusCode === statusCode && e.client === client));
    // Past RATE_LIMIT_PER_MINUTE an address gets 429 instead (counted before the guards), and a
    // tally that comes after the minute's 60 named ones is kept under `*`: so per action, the
    // refusals add up over every client, and each fixed address is named for its first refusals.
    const ofAction = (action: string) => counted(tallies.filter((e) => e.action === action));
    for (const action of ['auth.logout', 'network.create', 'network.remove', 'user.create', 'network.connect']) {
      expect(ofAction(action), action).toBe(FLOOD / 8);
    }
    expect(byKind('auth.logout', 401, '*')).toBeGreaterThan(0);
    // 625 addresses of one IPv6 /64 are one client, as for the rate limit: none is named alone.
    expect(byKind('auth.logout', 401, '2001:db8::/64')).toBeGreaterThan(0);
    expect(tallies.filter((e) => e.client.startsWith('2001:db8::') && e.client !== '2001:db8::/64')).toEqual([]);
    expect(byKind('network.create', 401, '10.0.0.1')).toBeGreaterThan(0);
    expect(byKind('network.remove', 401, '10.0.0.2')).toBeGreaterThan(0);
    expect(byKind('user.create', 401, '10.0.0.3')).toBeGreaterThan(0);
    expect(byKind('network.connect', 403, '10.0.0.4')).toBeGreaterThan(0);
    // Anonymous requests spend the address's budget too: past it they got 429, not another 401.
    expect(statuses.get(429)).toBeGreaterThan(FLOOD / 2);
    // Parallel sign-ins past the limit are all refused (@fastify/rate-limit reads its shared count
    // after an await), so of the guesser's, at most the first five got a password check.
    expect(byKind('auth.login', 401, GUESSER) + byKind('auth.login', 429, GUESSER)).toBe(FLOOD / 8);
    expect(byKind('auth.login', 401, GUESSER)).toBeLessThanOrEqual(5);
    // What a request sent (names typed, made-up tokens) is not kept.
    expect(JSON.stringify(tallies)).not.toMatch(/ghost-|made-up|guess-|mallory/);
  });

  it('a wrong password for a real name keeps its own row and is broadcast; the lockout bounds them', async () => {
    received.length = 0;
    const lockedOut = async () => counted((await trail('&action=auth.login')).filter((e) => e.user === null && e.statusCode === 429));
    const lockedBefore = await lockedOut();
    const answers: number[] = [];
    for (let i = 0; i < 20; i++) {
      const guess = { username: 'admin', password: 'not-the-password' };
      answers.push((await app.inject({ method: 'POST', url: '/api/auth/login', payload: guess, remoteAddress: '10.7.7.7' })).statusCode);
    }
    expect(answers).toEqual([401, ...Array<number>(19).fill(429)]);
    const [[marker]] = await Promise.all([
      nextEvent(watcher, 'audit', (e) => e.user === 'token:tests'),
      send(url, 'POST', '/api/engines/local/networks', { body: { name: 'a b' }, headers: asAdmin(app) }),
    ]);
    expect(received).toEqual([
      expect.objectContaining({ user: 'admin', action: 'auth.login', statusCode: 401, client: '10.7.7.7' }),
      marker,
    ]);
    const named = (await trail('&user=admin')).filter((e) => e.client === '10.7.7.7');
    expect(named.map((e) => [e.action, e.statusCode, e.params])).toEqual([['auth.login', 401, { username: 'admin' }]]);
    // The 19 refusals after it are counted (under 10.7.7.7, or `*` when the flood used up this minute's named tallies).
    expect((await lockedOut()) - lockedBefore).toBe(19);
    expect(JSON.stringify(await trail())).not.toContain('not-the-password');
  });
});

describe('stopping the server', () => {
  it('writes the counts still in memory before the database closes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bb-audit-close-'));
    const file = join(dir, 'bridgeboard.db');
    try {
      const app = await startApp({}, { DATABASE_PATH: file });
      for (let i = 0; i < 3; i++) expect((await app.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(401);
      await app.close();
      const db = openDatabase(file);
      const [tally] = new AuditLog(db).query({ action: 'auth.logout' }).entries;
      db.close();
      expect(tally).toMatchObject({ user: null, statusCode: 401, params: { count: 3 } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('socket handshakes', () => {
  let app: App;
  let url: string;

  beforeAll(async () => {
    app = await startApp({}, { RATE_LIMIT_PER_MINUTE: '10' });
    url = await listen(app);
  });

  afterAll(async () => {
    await app.close();
  });

  it('are held to RATE_LIMIT_PER_MINUTE per address, on the same budget as the API', async () => {
    const results: string[] = [];
    for (let i = 0; i < 12; i++) results.push(await handshake(socketClient(url, { token: adminToken(app) })));
    expect(results.slice(0, 10)).toEqual(Array<string>(10).fill('snapshot'));
    expect(results.slice(10)).toEqual([expect.stringMatching(/^connect_error/), expect.stringMatching(/^connect_error/)]);

    // engine.io's polling handshake carries the reason; an anonymous one is refused before its credential is looked at.
    const polling = await send<{ message: string }>(url, 'GET', '/socket.io/?EIO=4&transport=polling');
    expect(polling.status).toBe(403);
    expect(polling.body.message).toMatch(/^too many requests from this address: retry in \d+ s$/);
    expect((await send(url, 'GET', '/api/health')).status).toBe(429);
  });
});
