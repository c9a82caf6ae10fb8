import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleAtLeast, type AccessAnswer, type AuditEntry, type Grant, type MeResponse, type Rights } from '@bridgeboard/contract';
import { accessOf } from '../src/auth/principal.js';
import { asAdmin, listen, startAppWith, type App } from './helpers/app.js';
import { cleanup, docker, namespace, runContainer } from './helpers/engine.js';
import { connected, disconnected, newUser, send, type BrowserSession } from './helpers/session.js';

/**
 * Grants on networks (issue 15), on the real engine: a `team=payments` operator may connect only
 * to networks with that label (and, here, to networks named `<ns>-pay*`). The route-by-route walk
 * takes the routes from the running app, as the role test does: every route above a viewer, called
 * by a holder of grants on networks, is refused unless it declares the networks it acts on and
 * those are covered; nothing a refusal names changes.
 */

const ns = namespace('grants');
/** Labelled team=payments and named inside the name grant: covered twice. */
const PAY = `${ns}-pay`;
/** Labelled team=orders: covered by nothing of the payments grants. */
const OTHER = `${ns}-other`;
const BOX = `${ns}-box`;
const ENGINE = 'local';

const env = { RATE_LIMIT_PER_MINUTE: '1000000' };

let app: App;
let url: string;
const routes: RouteOptions[] = [];
let pat: BrowserSession;
let labelGrant: Grant;
/** A token whose own role is viewer, with the same two grants: walks the routes without a session's sign-out risk. */
let payToken: string;

const admin = () => asAdmin(app);
const grant = async (body: unknown) => {
  const res = await send<Grant>(url, 'POST', '/api/grants', { body, headers: admin() });
  if (res.status !== 201) throw new Error(`grant answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
};
const payScopes = [
  { kind: 'label', engine: ENGINE, label: 'team=payments' },
  { kind: 'name', engine: ENGINE, pattern: `${ns}-pay*` },
] as const;

/** Where BOX is attached, and which of our networks exist: what a refusal must leave as it was. */
async function state(): Promise<unknown> {
  const networks = await docker('network', 'ls', '--filter', `name=^${ns}`, '--format', '{{.ID}} {{.Name}} {{.Labels}}');
  const attached = Object.keys(JSON.parse(await docker('inspect', '--format', '{{json .NetworkSettings.Networks}}', BOX)) as object);
  return { networks: networks.split('\n').sort(), attached: attached.sort() };
}

const networkOnBoard = async (name: string) => {
  for (let i = 0; i < 100 && !Object.values(app.fleet.get(ENGINE).store.current.networks).some((n) => n.name === name); i++)
    await new Promise((r) => setTimeout(r, 50));
};

beforeAll(async () => {
  await cleanup(ns);
  await docker('network', 'create', '--label', 'team=payments', PAY);
  await docker('network', 'create', '--label', 'team=orders', OTHER);
  await runContainer(BOX);
  app = await startAppWith({ onRoute: (route) => void routes.push({ ...route }), env });
  url = await listen(app);
  await networkOnBoard(OTHER);
  pat = await newUser(app, url, 'pat', 'viewer');
  labelGrant = await grant({ subject: { kind: 'user', name: 'pat' }, role: 'operator', scope: payScopes[0] });
  const token = app.tokens.create('payments ci', 'viewer', 'admin');
  for (const scope of payScopes) await grant({ subject: { kind: 'token', name: token.token.id }, role: 'operator', scope });
  payToken = token.secret;
});

afterAll(async () => {
  try {
    await cleanup(ns);
  } finally {
    await (app as App | undefined)?.close();
  }
});

describe('a team=payments operator, on the real engine', () => {
  it('connects a container to a network labelled team=payments; the audit names the grant that allowed it', async () => {
    const res = await pat.post(`/api/engines/${ENGINE}/networks/${PAY}/connections`, { container: BOX });
    expect(res.status).toBe(201);
    const on = JSON.parse(await docker('inspect', '--format', '{{json .NetworkSettings.Networks}}', BOX)) as Record<string, unknown>;
    expect(Object.keys(on)).toContain(PAY);
    const audit = await send<{ entries: AuditEntry[] }>(url, 'GET', '/api/audit?action=network.connect&user=pat', { headers: admin() });
    expect(audit.body.entries[0]).toMatchObject({ result: 'ok', role: 'operator', network: PAY, container: BOX });
    expect(audit.body.entries[0]?.allowedBy).toBe(
      `grant ${labelGrant.id}: operator on networks labelled team=payments on engine 'local', to user pat`,
    );
    expect((await pat.delete(`/api/engines/${ENGINE}/networks/${PAY}/connections/${BOX}`)).status).toBe(204);
  });

  it('is refused on a network labelled otherwise, with the grant it lacks named, and the engine is unchanged', async () => {
    const before = await state();
    const res = await pat.post<{ message: string }>(`/api/engines/${ENGINE}/networks/${OTHER}/connections`, { container: BOX });
    expect(res.status).toBe(403);
    expect(res.body.message).toBe(
      `this needs operator on network '${OTHER}' (labels team=orders) on engine 'local'; you have viewer there (own role viewer): ` +
        `ask an admin for a grant of operator on engine 'local', on networks named ${OTHER} or labelled with one of its labels`,
    );
    expect(await state()).toEqual(before);
  });

  it('creates a network only when the grant covers its labels (or, with a name grant, its name)', async () => {
    const before = await state();
    const refused = await pat.post<{ message: string }>(`/api/engines/${ENGINE}/networks`, { name: `${ns}-x`, labels: { team: 'orders' } });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(/^this needs operator on network 'bbt-grants-\w+-x' \(labels team=orders\)/);
    const unlabelled = await pat.post(`/api/engines/${ENGINE}/networks`, { name: `${ns}-pay-2` });
    expect(unlabelled.status).toBe(403);
    expect(await state()).toEqual(before);

    const made = await pat.post(`/api/engines/${ENGINE}/networks`, { name: `${ns}-made`, labels: { team: 'payments' } });
    expect(made.status).toBe(201);
    expect(await docker('network', 'inspect', '--format', '{{index .Labels "team"}}', `${ns}-made`)).toBe('payments');
    // The token also holds the name grant: a network named inside it needs no label.
    const byName = await send(url, 'POST', `/api/engines/${ENGINE}/networks`, {
      body: { name: `${ns}-pay-2` },
      headers: { authorization: `Bearer ${payToken}` },
    });
    expect(byName.status).toBe(201);
  });

  it('a migration off a network its grant does not cover is refused, however `from` is written', async () => {
    // Operator on the default bridge and on the names it may make: `from` left out, the migration is allowed.
    const mover = app.tokens.create('bridge mover', 'viewer', 'admin');
    for (const pattern of ['bridge', `${ns}-pay*`])
      await grant({ subject: { kind: 'token', name: mover.token.id }, role: 'operator', scope: { kind: 'name', engine: ENGINE, pattern } });
    const before = await state();
    // A `from` the guard would not read as a name (validation coerces [x] and 123 to strings) must not fall back to the bridge.
    for (const from of [OTHER, [OTHER], 123]) {
      const res = await send<{ message: string }>(url, 'POST', `/api/engines/${ENGINE}/migrations`, {
        body: { containers: [BOX], from, networkName: `${ns}-pay-moved`, disconnectFromDefault: true },
        headers: { authorization: `Bearer ${mover.secret}` },
      });
      expect({ from, status: res.status }).toEqual({ from, status: 403 });
    }
    expect(await state()).toEqual(before);
  });

  it('an admin by a grant alone loses the tokens it made when the grant is taken back', async () => {
    await newUser(app, url, 'ada', 'viewer');
    const all = await grant({ subject: { kind: 'user', name: 'ada' }, role: 'admin', scope: { kind: 'all' } });
    const made = app.tokens.create('ada script', 'operator', 'ada');
    expect((await send(url, 'DELETE', `/api/grants/${all.id}`, { headers: admin() })).status).toBe(204);
    expect(app.tokens.byId(made.token.id)).toBeNull();
    expect((await send(url, 'GET', '/api/auth/me', { headers: { authorization: `Bearer ${made.secret}` } })).status).toBe(401);
  });

  it('may not relabel a network out of its grant (an edit must stay covered)', async () => {
    const before = await state();
    const res = await pat.post<{ message: string }>(`/api/engines/${ENGINE}/networks/${PAY}/edit`, {
      network: { name: PAY, labels: { team: 'orders' } },
    });
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/this needs operator on network 'bbt-grants-\w+-pay' \(labels team=orders\)/);
    expect(await state()).toEqual(before);
  });

  it('grants add up: a second grant, to one of its groups, gives what the first did not', async () => {
    // Pat's groups come from the provider at sign-in; here, set as a sign-in would.
    app.users.setGroups('pat', ['orders-team']);
    const orders = await grant({
      subject: { kind: 'group', name: 'orders-team' },
      role: 'operator',
      scope: { kind: 'label', engine: ENGINE, label: 'team=orders' },
    });
    const res = await pat.post(`/api/engines/${ENGINE}/networks/${OTHER}/connections`, { container: BOX });
    expect(res.status).toBe(201);
    const me = await pat.get<MeResponse>('/api/auth/me');
    expect(me.body.user.grants.map((g) => g.id).sort()).toEqual([labelGrant.id, orders.id].sort());
    expect((await pat.delete(`/api/engines/${ENGINE}/networks/${OTHER}/connections/${BOX}`)).status).toBe(204);
    // Taken back: refused again at once.
    expect((await send(url, 'DELETE', `/api/grants/${orders.id}`, { headers: admin() })).status).toBe(204);
    expect((await pat.post(`/api/engines/${ENGINE}/networks/${OTHER}/connections`, { container: BOX })).status).toBe(403);
    app.users.setGroups('pat', []);
  });

  it('a grant given or taken back closes the sockets it reaches: the board reconnects with what it may do now', async () => {
    const socket = pat.socket();
    await connected(socket);
    const gone = disconnected(socket);
    const given = await grant({ subject: { kind: 'user', name: 'pat' }, role: 'viewer', scope: { kind: 'engine', engine: ENGINE } });
    expect(await gone).toBe('io server disconnect');
    const again = pat.socket();
    await connected(again);
    const goneAgain = disconnected(again);
    expect((await send(url, 'DELETE', `/api/grants/${given.id}`, { headers: admin() })).status).toBe(204);
    expect(await goneAgain).toBe('io server disconnect');
  });

  it('"why can\'t I?" answers with the same words as the refusal, for the caller and for an admin asking about a user', async () => {
    const mine = await pat.get<AccessAnswer>(`/api/engines/${ENGINE}/access?role=operator&network=${OTHER}`);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ allowed: false, role: 'viewer', allowedBy: 'own role viewer' });
    expect(mine.body.missing).toMatch(/^this needs operator on network 'bbt-grants-\w+-other' \(labels team=orders\)/);
    const yes = await pat.get<AccessAnswer>(`/api/engines/${ENGINE}/access?role=operator&network=${PAY}`);
    expect(yes.body).toMatchObject({ allowed: true, role: 'operator', missing: null });
    expect(yes.body.allowedBy).toContain(`grant ${labelGrant.id}`);
    const asked = await send<AccessAnswer>(url, 'GET', `/api/users/pat/access?engine=${ENGINE}&role=operator&network=${OTHER}`, {
      headers: admin(),
    });
    expect(asked.body).toEqual(mine.body);
    // Only admins ask about others.
    expect((await pat.get(`/api/users/pat/access?engine=${ENGINE}&role=operator`)).status).toBe(403);
  });

  it('the rights page lists, per engine, the role and the networks where a grant gives more', async () => {
    const res = await send<Rights>(url, 'GET', '/api/users/pat/rights', { headers: admin() });
    expect(res.status).toBe(200);
    const local = res.body.engines.find((e) => e.engine === ENGINE);
    expect(local).toMatchObject({ role: 'viewer', allowedBy: 'own role viewer' });
    expect(local?.networks.map((n) => n.network)).toContain(PAY);
    expect(local?.networks.map((n) => n.network)).not.toContain(OTHER);
    expect(res.body.grants.map((g) => g.id)).toEqual([labelGrant.id]);
  });

  it('bad grants are refused with the field named, and change nothing', async () => {
    const count = app.grants.list().length;
    const cases: [unknown, number, RegExp][] = [
      [{ subject: { kind: 'user', name: 'nobody' }, role: 'operator', scope: { kind: 'all' } }, 404, /body\/subject\/name/],
      [
        { subject: { kind: 'group', name: 'g' }, role: 'operator', scope: { kind: 'engine', engine: 'nowhere' } },
        404,
        /body\/scope\/engine/,
      ],
      [
        { subject: { kind: 'group', name: 'g' }, role: 'operator', scope: { kind: 'label', engine: ENGINE, label: 'no-equals' } },
        400,
        /scope/,
      ],
      [{ subject: { kind: 'group', name: 'g' }, role: 'root', scope: { kind: 'all' } }, 400, /role/],
    ];
    for (const [body, status, message] of cases) {
      const res = await send<{ message: string }>(url, 'POST', '/api/grants', { body, headers: admin() });
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.message).toMatch(message);
    }
    expect(app.grants.list()).toHaveLength(count);
    expect((await pat.post('/api/grants', { subject: { kind: 'user', name: 'pat' }, role: 'admin', scope: { kind: 'all' } })).status).toBe(
      403,
    );
  });
});

describe('every route, as a holder of grants on networks (route by route)', () => {
  /** One body that names a network in every way a route can (create, edit, migration), with a field no schema allows: a call let through stops at validation. */
  const bodyNaming = (network: string, team: string) => ({
    name: network,
    labels: { team },
    network: { name: network, labels: { team } },
    from: network,
    networkName: network,
    container: BOX,
    notAField: true,
  });

  const onEngine = () =>
    routes
      .flatMap((route) => [route.method].flat().map((method) => ({ method, route, access: accessOf(route) })))
      .filter(
        (t) => t.route.url.startsWith('/api/engines/:engine/') && t.access !== null && t.access !== 'public' && t.access !== 'viewer',
      );

  const call = async (method: string, routeUrl: string, network: string, team: string) => {
    const path = routeUrl.replace(':engine', ENGINE).replace(':id', network).replace(':container', BOX);
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${payToken}`, 'content-type': 'application/json' },
      body: method === 'GET' || method === 'HEAD' ? null : JSON.stringify(bodyNaming(network, team)),
    });
    const text = await res.text();
    return { status: res.status, message: text ? ((JSON.parse(text) as { message?: string }).message ?? '') : '' };
  };

  it('outside its networks: 403 on every route above a viewer, the engine unchanged', async () => {
    const targets = onEngine();
    expect(targets.length).toBeGreaterThan(6);
    const before = await state();
    const problems: string[] = [];
    for (const t of targets) {
      const got = await call(t.method, t.route.url, OTHER, 'orders');
      // Routes of networks an operator may use name the network and the grant to ask for; the others, the role on the engine.
      const expected =
        t.route.config?.networks && t.access !== null && t.access !== 'public' && roleAtLeast('operator', t.access)
          ? /^(this needs (operator|admin) on network '.+' \(.+\) on engine 'local'|no network '.*' is known on engine 'local')/
          : /^token:payments ci is viewer on engine 'local': this needs the (operator|admin) role$/;
      if (got.status !== 403 || !expected.test(got.message)) problems.push(`${t.method} ${t.route.url} → ${got.status} ${got.message}`);
    }
    expect(problems).toEqual([]);
    expect(await state()).toEqual(before);
  });

  it('inside its networks: through the guard exactly on the routes that declare their networks and need no more than the grant gives', async () => {
    const before = await state();
    const through: string[] = [];
    const problems: string[] = [];
    for (const t of onEngine()) {
      const got = await call(t.method, t.route.url, PAY, 'payments');
      const declared = Boolean(t.route.config?.networks);
      const enough = t.access !== null && t.access !== 'public' && roleAtLeast('operator', t.access);
      if (declared && enough) {
        // Past the guard, the body's stray field stops it at validation (a disconnect has no body: BOX is not on PAY).
        if (got.status === 401 || got.status === 403 || got.status >= 500)
          problems.push(`${t.method} ${t.route.url} → ${got.status} ${got.message} (expected to pass the guard)`);
        else through.push(`${t.method} ${t.route.url}`);
      } else if (got.status !== 403) problems.push(`${t.method} ${t.route.url} → ${got.status} ${got.message} (expected 403)`);
    }
    expect(problems).toEqual([]);
    // The mutations of networks an operator may make, each reachable through grants on networks.
    expect(through.sort()).toEqual([
      'DELETE /api/engines/:engine/networks/:id/connections/:container',
      'POST /api/engines/:engine/migrations',
      'POST /api/engines/:engine/networks',
      'POST /api/engines/:engine/networks/:id/connections',
      'POST /api/engines/:engine/networks/:id/edit',
    ]);
    expect(await state()).toEqual(before);
  });
});
