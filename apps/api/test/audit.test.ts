import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity, AuditEntry, AuditPage, PresenceUser, TokenCreated } from '@bridgeboard/contract';
import {
  ADMIN_PASSWORD,
  adminToken,
  asAdmin,
  listen,
  nextEvent,
  socketClient,
  startApp,
  type App,
  type ClientSocket,
} from './helpers/app.js';
import { cleanup, docker, inspectNetwork, namespace, runContainer } from './helpers/engine.js';
import { connected, login, newUser, passwordFor, send, signIn, type Answer, type BrowserSession } from './helpers/session.js';

/**
 * The audit trail: every mutation made here, refused and failed ones too, is an entry with its
 * user, role, action, target, parameters (no secrets), result, status and client address — except
 * refusals of requests without a valid credential, which are counted per address and minute; the
 * trail filters and pages newest first; each entry but those counts is broadcast as `audit`, each
 * change that worked as `activity`; and `presence` tells who has the board open.
 */

const ns = namespace('audit');
const NET = `${ns}-net`;
const CTR = `${ns}-ctr`;
const MADE = `${ns}-made`;
const GHOST = `${ns}-ghost`;
const OVERLAP = `${ns}-overlap`;

let app: App;
let url: string;
let olga: BrowserSession; // operator
let vic: BrowserSession; // viewer
/** An admin-token socket that is open for the whole file: every broadcast, in order. */
let watcher: ClientSocket;
const broadcast: AuditEntry[] = [];
const activities: Activity[] = [];
const sockets: ClientSocket[] = [];
/** What each step left in the trail, as broadcast: the REST listing must hold the same. */
const recorded: AuditEntry[] = [];
/** The refusals by nobody: counted in the trail, never broadcast. */
const tallies: AuditEntry[] = [];
/** Every secret the file sends: none may be in the trail. */
const secrets = [
  ADMIN_PASSWORD,
  passwordFor('olga'),
  passwordFor('vic'),
  passwordFor('pat'),
  'pat-new-password-123',
  'wrong-password-for-olga',
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `count` entries have been broadcast (the entry is written after the answer is sent). */
async function broadcastCount(count: number): Promise<void> {
  const until = Date.now() + 5000;
  while (broadcast.length < count) {
    if (Date.now() > until) throw new Error(`only ${broadcast.length} of ${count} audit entries broadcast`);
    await sleep(5);
  }
}

/** Runs one mutation and returns its answer with the one audit entry it caused. */
async function audited<T = unknown>(request: () => Promise<Answer<T>>): Promise<{ res: Answer<T>; entry: AuditEntry }> {
  const before = broadcast.length;
  const res = await request();
  await broadcastCount(before + 1);
  // Nothing else writes to this app's trail meanwhile; a second entry would be a bug too.
  await sleep(20);
  expect(broadcast.length).toBe(before + 1);
  const entry = broadcast[before] as AuditEntry;
  recorded.push(entry);
  return { res, entry };
}

const asToken = (): Record<string, string> => asAdmin(app);

async function trail(query = ''): Promise<AuditEntry[]> {
  const res = await send<AuditPage>(url, 'GET', `/api/audit?limit=500${query}`, { headers: asToken() });
  expect(res.status).toBe(200);
  expect(res.body.nextBefore).toBeNull();
  return res.body.entries;
}

beforeAll(async () => {
  await cleanup('bbt-audit-');
  await docker('network', 'create', NET);
  await runContainer(CTR);
  app = await startApp();
  url = await listen(app);
  watcher = socketClient(url, { token: adminToken(app) });
  sockets.push(watcher);
  watcher.on('audit', (entry) => broadcast.push(entry));
  watcher.on('activity', (activity) => activities.push(activity));
  await connected(watcher);
  olga = await newUser(app, url, 'olga', 'operator');
  vic = await newUser(app, url, 'vic', 'viewer');
  // Two user.create (by the admin token) and two sign-ins.
  await broadcastCount(4);
});

afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  try {
    await cleanup(ns);
  } finally {
    await (app as App | undefined)?.close();
  }
});

describe('every mutation is in the trail', () => {
  const base = { client: '127.0.0.1' };

  it('the setup: users made by the admin token, and their sign-ins', () => {
    expect(broadcast.slice(0, 4)).toMatchObject([
      {
        action: 'user.create',
        user: 'token:tests',
        role: 'admin',
        result: 'ok',
        statusCode: 201,
        params: { username: 'olga', role: 'operator' },
      },
      { action: 'auth.login', user: 'olga', role: 'operator', result: 'ok', statusCode: 200, params: { username: 'olga' } },
      {
        action: 'user.create',
        user: 'token:tests',
        role: 'admin',
        result: 'ok',
        statusCode: 201,
        params: { username: 'vic', role: 'viewer' },
      },
      { action: 'auth.login', user: 'vic', role: 'viewer', result: 'ok', statusCode: 200, params: { username: 'vic' } },
    ]);
    recorded.push(...broadcast.slice(0, 4));
  });

  it('an operator’s create, connect and disconnect: ok, with the target and parameters', async () => {
    const create = await audited(() => olga.post('/api/engines/local/networks', { name: MADE }));
    expect(create.res.status).toBe(201);
    expect(create.entry.id).toEqual(expect.any(Number));
    expect(Date.parse(create.entry.at)).not.toBeNaN();
    const { id: _id, at: _at, ...rest } = create.entry;
    expect(rest).toEqual({
      ...base,
      user: 'olga',
      role: 'operator',
      // Her own role, not a grant, allowed it.
      allowedBy: 'own role operator',
      action: 'network.create',
      engine: 'local',
      network: MADE,
      container: null,
      params: { name: MADE },
      result: 'ok',
      statusCode: 201,
      error: null,
    });

    const connect = await audited(() => olga.post(`/api/engines/local/networks/${NET}/connections`, { container: CTR, aliases: ['web'] }));
    expect(connect.res.status).toBe(201);
    expect(connect.entry).toMatchObject({
      ...base,
      user: 'olga',
      role: 'operator',
      action: 'network.connect',
      network: NET,
      container: CTR,
      params: { id: NET, container: CTR, aliases: ['web'] },
      result: 'ok',
      statusCode: 201,
      error: null,
    });

    const disconnect = await audited(() => olga.delete(`/api/engines/local/networks/${NET}/connections/${CTR}`));
    expect(disconnect.res.status).toBe(204);
    expect(disconnect.entry).toMatchObject({
      ...base,
      user: 'olga',
      action: 'network.disconnect',
      network: NET,
      container: CTR,
      params: { id: NET, container: CTR },
      result: 'ok',
      statusCode: 204,
    });
  });

  it('refusals (role, no credentials, CSRF, bad input): refused, with the status and the reason', async () => {
    const viewer = await audited(() => vic.post(`/api/engines/local/networks/${NET}/connections`, { container: CTR }));
    expect(viewer.res.status).toBe(403);
    expect(viewer.entry).toMatchObject({
      ...base,
      user: 'vic',
      role: 'viewer',
      allowedBy: null,
      action: 'network.connect',
      network: NET,
      container: CTR,
      result: 'refused',
      statusCode: 403,
    });
    expect(viewer.entry.error).toMatch(/vic is viewer/);
    expect(Object.keys((await inspectNetwork(NET)).Containers)).toEqual([]);

    // Nobody signed in: counted into the minute's tally for this address, action and status, not broadcast.
    const before = broadcast.length;
    const anonymous = await send(url, 'DELETE', `/api/engines/local/networks/${MADE}`);
    expect(anonymous.status).toBe(401);
    const [tally] = await trail('&action=network.remove');
    expect(tally).toMatchObject({
      ...base,
      user: null,
      role: null,
      action: 'network.remove',
      network: null,
      container: null,
      result: 'refused',
      statusCode: 401,
    });
    const minuteEnd = (Math.floor(Date.parse(tally?.at ?? '') / 60_000) + 1) * 60_000;
    expect(tally?.params).toEqual({ count: 1, until: new Date(minuteEnd).toISOString() });
    expect(tally?.error).toMatch(/sign in/);
    tallies.push(tally as AuditEntry);
    await sleep(20);
    expect(broadcast.length).toBe(before);

    const operatorRemove = await audited(() => olga.delete(`/api/engines/local/networks/${MADE}`));
    expect(operatorRemove.res.status).toBe(403);
    expect(operatorRemove.entry).toMatchObject({
      user: 'olga',
      role: 'operator',
      action: 'network.remove',
      network: MADE,
      result: 'refused',
      statusCode: 403,
    });

    const csrf = await audited(() => olga.post('/api/engines/local/networks', { name: `${ns}-csrf` }, { csrf: null }));
    expect(csrf.res.status).toBe(403);
    expect(csrf.entry).toMatchObject({ user: 'olga', role: 'operator', action: 'network.create', result: 'refused', statusCode: 403 });
    expect(csrf.entry.error).toMatch(/x-csrf-token/);

    const badName = await audited(() => olga.post('/api/engines/local/networks', { name: 'a b' }));
    expect(badName.res.status).toBe(400);
    expect(badName.entry).toMatchObject({
      user: 'olga',
      action: 'network.create',
      result: 'refused',
      statusCode: 400,
      params: { name: 'a b' },
    });
    expect(badName.entry.error).toMatch(/name/);

    // Bridgeboard looks the container up (its store, then the engine's inspect) before it asks the
    // engine to change anything: an unknown name is bad input it refuses, not an engine failure.
    const ghost = await audited(() => olga.post(`/api/engines/local/networks/${NET}/connections`, { container: GHOST }));
    expect(ghost.res.status).toBe(404);
    expect(ghost.entry).toMatchObject({
      user: 'olga',
      action: 'network.connect',
      network: NET,
      container: GHOST,
      result: 'refused',
      statusCode: 404,
    });
    expect(ghost.entry.error).toContain(GHOST);
  });

  it('what the engine refuses: failed, with the engine’s own message', async () => {
    const subnet = (await inspectNetwork(NET)).IPAM.Config?.[0]?.Subnet;
    expect(subnet).toEqual(expect.any(String));
    const overlap = await audited(() =>
      olga.post<{ message: string }>('/api/engines/local/networks', { name: OVERLAP, subnets: [{ subnet }] }),
    );
    expect(overlap.res.status).toBe(409);
    expect(overlap.entry).toMatchObject({
      ...base,
      user: 'olga',
      role: 'operator',
      action: 'network.create',
      network: OVERLAP,
      params: { name: OVERLAP, subnets: [{ subnet }] },
      result: 'failed',
      statusCode: 409,
    });
    expect(overlap.entry.error).toMatch(/overlap/i);
    expect(overlap.entry.error).toBe(overlap.res.body.message);
    expect(await docker('network', 'ls', '-q', '--filter', `name=^${OVERLAP}$`)).toBe('');
  });

  it('an engine 404 to the change itself: failed, with the engine’s message', async () => {
    // As when the container goes between Bridgeboard's lookup and the connect: the lookup finds
    // CTR, and the engine is then asked to connect a container it does not have.
    const getNetwork = app.defaultEngine.docker.getNetwork.bind(app.defaultEngine.docker);
    app.defaultEngine.docker.getNetwork = (id: string) => {
      const network = getNetwork(id);
      const connect = network.connect.bind(network) as (options: object) => Promise<unknown>;
      network.connect = ((options: object) => connect({ ...options, Container: GHOST })) as typeof network.connect;
      return network;
    };
    try {
      const vanished = await audited(() =>
        olga.post<{ message: string }>(`/api/engines/local/networks/${NET}/connections`, { container: CTR }),
      );
      expect(vanished.res.status).toBe(404);
      expect(vanished.entry).toMatchObject({
        ...base,
        user: 'olga',
        action: 'network.connect',
        network: NET,
        container: CTR,
        result: 'failed',
        statusCode: 404,
      });
      expect(vanished.entry.error).toMatch(/no such container/i);
      expect(vanished.entry.error).toBe(vanished.res.body.message);
    } finally {
      app.defaultEngine.docker.getNetwork = getNetwork;
    }
    expect(Object.keys((await inspectNetwork(NET)).Containers)).toEqual([]);
  });

  it('an admin token’s remove: ok, under the token’s name', async () => {
    const remove = await audited(() => send(url, 'DELETE', `/api/engines/local/networks/${MADE}`, { headers: asToken() }));
    expect(remove.res.status).toBe(204);
    expect(remove.entry).toMatchObject({
      ...base,
      user: 'token:tests',
      role: 'admin',
      action: 'network.remove',
      network: MADE,
      result: 'ok',
      statusCode: 204,
    });
  });

  it('sign-ins, users and tokens: no password or token in the parameters', async () => {
    const wrong = await audited(() => login(url, 'olga', 'wrong-password-for-olga'));
    expect(wrong.res.status).toBe(401);
    expect(wrong.entry).toMatchObject({
      ...base,
      user: 'olga',
      role: null,
      action: 'auth.login',
      result: 'refused',
      statusCode: 401,
      params: { username: 'olga' },
    });

    const create = await audited(() =>
      send(url, 'POST', '/api/users', { body: { username: 'pat', password: passwordFor('pat'), role: 'viewer' }, headers: asToken() }),
    );
    expect(create.res.status).toBe(201);
    expect(create.entry).toMatchObject({
      user: 'token:tests',
      action: 'user.create',
      result: 'ok',
      params: { username: 'pat', role: 'viewer' },
    });

    const update = await audited(() =>
      send(url, 'PATCH', '/api/users/pat', { body: { password: 'pat-new-password-123' }, headers: asToken() }),
    );
    expect(update.res.status).toBe(200);
    expect(update.entry).toMatchObject({ action: 'user.update', result: 'ok', statusCode: 200 });
    expect(update.entry.params).toEqual({ username: 'pat' });

    const token = await audited(() =>
      send<TokenCreated>(url, 'POST', '/api/tokens', { body: { name: 'deploy bot', role: 'operator' }, headers: asToken() }),
    );
    expect(token.res.status).toBe(201);
    secrets.push(token.res.body.token);
    expect(token.entry).toMatchObject({ action: 'token.create', result: 'ok', statusCode: 201 });
    expect(token.entry.params).toEqual({ name: 'deploy bot', role: 'operator' });

    const revoke = await audited(() => send(url, 'DELETE', `/api/tokens/${token.res.body.id}`, { headers: asToken() }));
    expect(revoke.res.status).toBe(204);
    expect(revoke.entry).toMatchObject({ action: 'token.revoke', result: 'ok', statusCode: 204, params: { id: token.res.body.id } });

    const remove = await audited(() => send(url, 'DELETE', '/api/users/pat', { headers: asToken() }));
    expect(remove.res.status).toBe(204);
    expect(remove.entry).toMatchObject({ action: 'user.remove', result: 'ok', statusCode: 204, params: { username: 'pat' } });

    const logout = await audited(() => olga.post('/api/auth/logout'));
    expect(logout.res.status).toBe(204);
    expect(logout.entry).toMatchObject({ ...base, user: 'olga', role: 'operator', action: 'auth.logout', result: 'ok', statusCode: 204 });
  });

  it('GET /api/audit holds exactly what was broadcast and the tally, newest first, and no secret', async () => {
    const entries = await trail();
    expect(entries).toEqual([...recorded, ...tallies].sort((a, b) => b.id - a.id));
    expect(broadcast).toEqual(recorded);
    const ids = entries.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const times = entries.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());
    const dump = JSON.stringify(entries);
    expect(secrets.length).toBeGreaterThan(6);
    for (const secret of [...secrets, adminToken(app)]) expect(dump).not.toContain(secret);
    expect(dump).not.toMatch(/"(password|token|setupToken)":/);
  });

  it('each change that worked was announced as activity, and nothing else was', () => {
    expect(activities.map(({ at: _, ...a }) => a)).toEqual([
      { engine: 'local', user: 'olga', action: 'network.create', target: { network: MADE } },
      { engine: 'local', user: 'olga', action: 'network.connect', target: { network: NET, container: CTR } },
      { engine: 'local', user: 'olga', action: 'network.disconnect', target: { network: NET, container: CTR } },
      { engine: 'local', user: 'token:tests', action: 'network.remove', target: { network: MADE } },
    ]);
  });
});

describe('filters and paging', () => {
  it.each([
    ['user=olga', (e: AuditEntry) => e.user === 'olga'],
    [`network=${NET}`, (e: AuditEntry) => e.network === NET],
    [`container=${CTR}`, (e: AuditEntry) => e.container === CTR],
    ['action=network.connect', (e: AuditEntry) => e.action === 'network.connect'],
    ['result=refused', (e: AuditEntry) => e.result === 'refused'],
    ['result=failed', (e: AuditEntry) => e.result === 'failed'],
    [`user=olga&result=ok&network=${NET}`, (e: AuditEntry) => e.user === 'olga' && e.result === 'ok' && e.network === NET],
  ])('?%s returns exactly the matching entries', async (query, matches) => {
    const all = await trail();
    const expected = all.filter(matches);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);
    expect(await trail(`&${query}`)).toEqual(expected);
  });

  it('a filter that matches nothing returns nothing', async () => {
    expect(await trail('&user=nobody')).toEqual([]);
  });

  it.each(['action=network.explode', 'result=maybe', 'limit=0', 'limit=501', 'before=0', 'colour=red'])('?%s → 400', async (query) => {
    const res = await send<{ message: string }>(url, 'GET', `/api/audit?${query}`, { headers: asToken() });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(query.split('=')[0]);
  });

  it('pages with limit and before=nextBefore cover the trail once, newest first', async () => {
    const all = await trail();
    expect(all.length).toBeGreaterThan(9);
    const seen: AuditEntry[] = [];
    let before: number | null = null;
    let pages = 0;
    do {
      const res: Answer<AuditPage> = await vic.get<AuditPage>(`/api/audit?limit=4${before === null ? '' : `&before=${before}`}`);
      expect(res.status).toBe(200);
      expect(res.body.entries.length).toBeLessThanOrEqual(4);
      if (res.body.nextBefore !== null) {
        expect(res.body.entries).toHaveLength(4);
        expect(res.body.nextBefore).toBe(res.body.entries.at(-1)?.id);
      }
      seen.push(...res.body.entries);
      before = res.body.nextBefore;
      pages++;
    } while (before !== null && pages < 100);
    expect(pages).toBe(Math.ceil(all.length / 4));
    expect(seen).toEqual(all);
  });

  it('paging works with a filter too', async () => {
    const olgas = await trail('&user=olga');
    const first = (await vic.get<AuditPage>('/api/audit?user=olga&limit=2')).body;
    const second = (await vic.get<AuditPage>(`/api/audit?user=olga&limit=2&before=${first.nextBefore ?? 0}`)).body;
    expect([...first.entries, ...second.entries]).toEqual(olgas.slice(0, 4));
  });
});

describe('live', () => {
  it('another user’s board gets the audit entry and the activity of a change', async () => {
    const board = vic.socket();
    sockets.push(board);
    await connected(board);
    const operator = await signIn(url, 'olga', passwordFor('olga'));
    const name = `${ns}-live`;
    const [[entry], [activity], res] = await Promise.all([
      nextEvent(board, 'audit', (e) => e.action === 'network.create'),
      nextEvent(board, 'activity'),
      operator.post('/api/engines/local/networks', { name }),
    ]);
    expect(res.status).toBe(201);
    expect(entry).toMatchObject({ user: 'olga', action: 'network.create', network: name, result: 'ok' });
    expect(activity).toEqual({ engine: 'local', user: 'olga', action: 'network.create', target: { network: name }, at: entry.at });
    board.disconnect();
  });

  it('presence lists who has the board open, with socket counts, and follows them leaving', async () => {
    const [olgaPage, vicPage] = await Promise.all([signIn(url, 'olga', passwordFor('olga')), signIn(url, 'vic', passwordFor('vic'))]);
    const byName = (users: PresenceUser[]) => Object.fromEntries(users.map((u) => [u.username, [u.role, u.sockets]]));

    const everyone = nextEvent(watcher, 'presence', (users) => byName(users).olga?.[1] === 2 && byName(users).vic?.[1] === 1);
    const olgaTabs = [olgaPage.socket(), olgaPage.socket()];
    const vicTab = vicPage.socket();
    sockets.push(...olgaTabs, vicTab);
    await Promise.all([...olgaTabs, vicTab].map((s) => connected(s)));
    const [users] = await everyone;
    expect(byName(users)).toEqual({ 'token:tests': ['admin', 1], olga: ['operator', 2], vic: ['viewer', 1] });
    for (const u of users) expect(Date.parse(u.since)).not.toBeNaN();

    const vicLeft = nextEvent(watcher, 'presence', (list) => !('vic' in byName(list)));
    vicTab.disconnect();
    const [afterVic] = await vicLeft;
    expect(byName(afterVic)).toEqual({ 'token:tests': ['admin', 1], olga: ['operator', 2] });

    const oneTabLeft = nextEvent(watcher, 'presence', (list) => byName(list).olga?.[1] === 1);
    olgaTabs[0]?.disconnect();
    const [afterTab] = await oneTabLeft;
    expect(byName(afterTab)).toEqual({ 'token:tests': ['admin', 1], olga: ['operator', 1] });
  });
});
