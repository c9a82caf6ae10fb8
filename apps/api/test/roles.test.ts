import type { FastifyPluginAsync, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleAtLeast, ROLES, type Role } from '@bridgeboard/contract';
import { accessOf, changesSomething, type Access } from '../src/auth/principal.js';
import { ADMIN_PASSWORD, listen, socketClient, startAppWith, type App } from './helpers/app.js';
import { cleanup, docker, namespace, runContainer } from './helpers/engine.js';
import { handshake, newUser, signIn, type BrowserSession } from './helpers/session.js';

/**
 * Who may call what, checked on every route of the running app with real credentials. The routes
 * come from the app itself (an `onRoute` hook on the root, before the app), and what each one
 * should answer comes from its own declaration (`config.role` / `config.public`, read by
 * `accessOf`, the function the app's guards use): nothing here lists routes, so a route added later
 * is walked and checked as it is added.
 */

const ns = namespace('roles');
/** A network of ours with BOX on it: refused calls name them, and must leave both as they are. */
const NET = `${ns}-net`;
const BOX = `${ns}-box`;

/** Path parameters of refused calls: our own objects and users, which a refusal must not touch. */
const OURS: Record<string, string> = { id: NET, container: BOX, username: 'vera' };
/** Path parameters of allowed calls: names that exist nowhere, so a call let through acts on nothing. */
const NOTHING: Record<string, string> = { id: `${ns}-none`, container: `${ns}-none`, username: 'nobody' };

interface Caller {
  name: string;
  role: Role | null;
  via: 'anonymous' | 'session' | 'token';
  headers: Record<string, string>;
}

interface Target {
  method: string;
  url: string;
  route: RouteOptions;
  access: Access | null;
}

/** The handlers of the route added "later" note who reached them: a refused caller never does. */
const reached: string[] = [];

/** A feature added after this test was written, registered as app.ts registers its /api scope. */
const later: FastifyPluginAsync = async (fastify) => {
  await fastify.register(
    async (api) => {
      api.addHook('onRequest', api.apiGuards.authenticate);
      api.addHook('onRequest', api.apiGuards.csrf);
      api.addHook('preValidation', api.apiGuards.authorize);
      api.get('/later', { config: { role: 'operator' }, schema: { operationId: 'getLater', summary: 'Added later' } }, (request) => {
        reached.push(`${request.method} ${request.principal?.username ?? 'nobody'}`);
        return { ok: true };
      });
      api.post('/later', { config: { role: 'admin' }, schema: { operationId: 'doLater', summary: 'Added later' } }, (request) => {
        reached.push(`POST ${request.principal?.username ?? 'nobody'}`);
        return { ok: true };
      });
    },
    { prefix: '/api' },
  );
};

/** A route that declares a role but sits outside the guards: what the walk must catch. */
const unguarded: FastifyPluginAsync = async (fastify) => {
  fastify.get('/api/forgotten', { config: { role: 'operator' }, schema: { operationId: 'getForgotten', summary: 'Unguarded' } }, () => ({
    ok: true,
  }));
};

// The walk sends some hundreds of requests from one address.
const env = { RATE_LIMIT_PER_MINUTE: '1000000' };

let app: App;
let url: string;
const routes: RouteOptions[] = [];
let targets: Target[];
const sessions: Partial<Record<Role, BrowserSession>> = {};
const tokens: Partial<Record<Role, string>> = {};
let callers: Caller[];

function targetsOf(added: RouteOptions[]): Target[] {
  return added.flatMap((route) => [route.method].flat().map((method) => ({ method, url: route.url, route, access: accessOf(route) })));
}

const nameOf = (t: Target) => `${t.method} ${t.url}`;

function pathOf(routeUrl: string, params: Record<string, string>): string {
  return routeUrl
    .replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? `${ns}-none`))
    .replace('*', 'index.html');
}

/** What the guards must answer `caller` on a route that declares `access`. */
function expectedOf(access: Access, caller: Caller, method: string): string {
  if (access === 'public') return 'let through';
  if (caller.role === null) return '401';
  if (!roleAtLeast(caller.role, access)) return method === 'HEAD' ? '403' : `403: needs the ${access} role`;
  return 'let through';
}

/** What the answer was, in the terms of `expectedOf`: a 403 counts only when the role guard gave it. */
async function outcomeOf(res: Response, method: string): Promise<string> {
  const text = await res.text();
  if (res.status === 401) return '401';
  const json = res.headers.get('content-type')?.startsWith('application/json') && text;
  const message = json ? ((JSON.parse(text) as { message?: string }).message ?? text) : text.slice(0, 80);
  if (res.status === 403) {
    // A HEAD answer has no body to tell the role guard's 403 from another one.
    if (method === 'HEAD') return '403';
    const needed = /this needs the (\w+) role$/.exec(message)?.[1];
    return needed ? `403: needs the ${needed} role` : `403 from elsewhere: ${message}`;
  }
  if (res.status >= 500 && res.status !== 503) return `${res.status}: ${message}`;
  return 'let through';
}

/**
 * Calls each target as each caller that `include` picks and compares the answer with the route's
 * declaration. Refused calls name our own objects (a refusal that let them through would change
 * them); allowed ones name nothing that exists. Returns the mismatches and what was checked.
 */
async function walk(
  base: string,
  walked: Target[],
  who: Caller[],
  include: (t: Target, c: Caller, expected: string) => boolean = () => true,
): Promise<{ problems: string[]; checked: string[] }> {
  const problems: string[] = [];
  const checked: string[] = [];
  for (const t of walked) {
    if (t.access === null) {
      problems.push(`${nameOf(t)} declares no access`);
      continue;
    }
    for (const c of who) {
      const expected = expectedOf(t.access, c, t.method);
      if (!include(t, c, expected)) continue;
      const path = pathOf(t.url, expected === 'let through' ? NOTHING : OURS);
      const res = await fetch(`${base}${path}`, { method: t.method, headers: c.headers, redirect: 'manual' });
      const got = await outcomeOf(res, t.method);
      checked.push(`${c.name}: ${nameOf(t)}`);
      if (got !== expected) problems.push(`${c.name}: ${t.method} ${path} → expected ${expected}, got ${got} (${res.status})`);
    }
  }
  return { problems, checked };
}

/** What a refusal must leave as it was: our networks and BOX's place on them, the users, the tokens, the settings. */
async function state(): Promise<unknown> {
  const networks = await docker('network', 'ls', '--filter', `name=^${ns}`, '--format', '{{.ID}} {{.Name}}');
  const attached = Object.keys(JSON.parse(await docker('inspect', '--format', '{{json .NetworkSettings.Networks}}', BOX)) as object);
  return {
    networks: networks.split('\n').sort(),
    attached: attached.sort(),
    users: app.users.list().map((u) => `${u.username}:${u.role}:${u.passwordHash}`),
    tokens: app.tokens.list().map((t) => `${t.id}:${t.name}:${t.role}`),
    settings: app.settings.get(),
  };
}

/** Runs `refusals` and checks that the engine and the database are as they were. */
async function unchanged(refusals: () => Promise<void>): Promise<void> {
  const before = await state();
  await refusals();
  expect(await state()).toEqual(before);
}

beforeAll(async () => {
  await cleanup(ns);
  await docker('network', 'create', NET);
  await runContainer(BOX, '--network', NET);
  // A copy: Fastify hands the slash and no-slash variants of a prefix's '/' route in one options object.
  app = await startAppWith({ onRoute: (route) => void routes.push({ ...route }), plugins: [later], env });
  url = await listen(app);
  targets = targetsOf(routes);
  const [admin, vera, otto] = await Promise.all([
    signIn(url, 'admin', ADMIN_PASSWORD),
    newUser(app, url, 'vera', 'viewer'),
    newUser(app, url, 'otto', 'operator'),
  ]);
  Object.assign(sessions, { admin, viewer: vera, operator: otto });
  for (const role of ROLES) tokens[role] = app.tokens.create(`roles ${role}`, role, 'admin').secret;
  callers = [
    { name: 'anonymous', role: null, via: 'anonymous', headers: { origin: url } },
    ...ROLES.flatMap((role): Caller[] => {
      const session = sessions[role] as BrowserSession;
      return [
        { name: `${role} session`, role, via: 'session', headers: { ...session.headers, 'x-csrf-token': session.csrfToken } },
        { name: `${role} token`, role, via: 'token', headers: { authorization: `Bearer ${tokens[role] ?? ''}` } },
      ];
    }),
  ];
});

afterAll(async () => {
  try {
    await cleanup(ns);
  } finally {
    // Unset when beforeAll failed before starting it.
    await (app as App | undefined)?.close();
  }
});

const callersAs = (role: Role | null) => callers.filter((c) => c.role === role);

/** A session is not let through a route that changes something: its sign-out would end it for the calls after. Tokens are. */
const sessionsLetThroughReadsOnly = (t: Target, c: Caller, expected: string) =>
  expected !== 'let through' || c.via !== 'session' || !changesSomething(t);

describe('every route of the running app, as each role', () => {
  it('every route says who may call it, those outside /api included', () => {
    expect(targets.filter((t) => t.access === null).map(nameOf)).toEqual([]);
    const urls = new Set(targets.map((t) => t.url));
    for (const outside of ['/metrics', '/api/docs', '/api/openapi.json']) expect(urls).toContain(outside);
    expect(targets.length).toBeGreaterThan(60);
  });

  it('anonymous: 401 on every route but the public ones', async () => {
    await unchanged(async () => {
      const { problems, checked } = await walk(url, targets, callersAs(null));
      expect(problems).toEqual([]);
      expect(checked).toHaveLength(targets.length);
    });
    // Public: the routes' own `public: true`, and the docs page and web app files the libraries add.
    const open = targets.filter((t) => t.access === 'public').map(nameOf);
    expect(open).toEqual(expect.arrayContaining(['POST /api/auth/login', 'GET /api/health', 'GET /api/docs', 'GET /api/openapi.json']));
    expect(open).not.toContain('GET /metrics');
  });

  it('a viewer: 403 on every route that changes something or runs something in a container, self-service ones aside', async () => {
    // By method, not by the declared role: every non-GET route that is neither public nor self-service.
    const writes = targets.filter((t) => changesSomething(t) && t.access !== 'public' && !t.route.config?.selfService);
    expect(writes.map(nameOf)).toEqual(
      expect.arrayContaining([
        'POST /api/engines/:engine/reachability/probe',
        'POST /api/engines/:engine/migrations',
        'PUT /api/settings',
        'POST /api/later',
      ]),
    );
    await unchanged(async () => {
      const { problems, checked } = await walk(url, writes, callersAs('viewer'), (_t, _c, expected) => {
        expect(expected).toMatch(/^403: needs the (operator|admin) role$/);
        return true;
      });
      expect(problems).toEqual([]);
      expect(checked).toHaveLength(writes.length * 2);
      // And the reads above a viewer (users, tokens).
      const reads = await walk(url, targets, callersAs('viewer'), (t, _c, expected) => !changesSomething(t) && expected !== 'let through');
      expect(reads.problems).toEqual([]);
      expect(reads.checked).toContain('viewer session: GET /api/users');
    });
  });

  it('an operator: 403 on every admin route', async () => {
    const admins = targets.filter((t) => t.access === 'admin');
    expect(admins.map(nameOf)).toEqual(
      expect.arrayContaining(['DELETE /api/engines/:engine/networks/:id', 'PUT /api/settings', 'POST /api/users']),
    );
    await unchanged(async () => {
      const { problems, checked } = await walk(url, admins, callersAs('operator'));
      expect(problems).toEqual([]);
      expect(checked).toHaveLength(admins.length * 2);
    });
  });

  it('every caller at or above a route’s role gets past the guards (sessions on reads only: their sign-out would end them)', async () => {
    const { problems, checked } = await walk(
      url,
      targets,
      callers,
      (t, c, expected) => expected === 'let through' && sessionsLetThroughReadsOnly(t, c, expected),
    );
    expect(problems).toEqual([]);
    expect(checked).toContain('admin token: DELETE /api/users/:username');
    expect(checked).toContain('viewer session: GET /api/engines/:engine/topology');
  });

  it('no access to an engine: 403 on every route of that engine, whatever the default role', async () => {
    // The routes of one engine (the fleet's own, PUT and DELETE /api/engines/:engine, follow the default role).
    const onEngine = targets.filter((t) => t.url.startsWith('/api/engines/:engine/') && t.access !== 'public');
    expect(onEngine.length).toBeGreaterThan(15);
    const blind = app.tokens.create('roles blind', 'admin', 'admin', { local: 'none' }).secret;
    await unchanged(async () => {
      const problems: string[] = [];
      for (const t of onEngine) {
        const path = pathOf(t.url, { ...OURS, engine: 'local' });
        const res = await fetch(`${url}${path}`, { method: t.method, headers: { authorization: `Bearer ${blind}` }, redirect: 'manual' });
        const text = await res.text();
        const said = t.method === 'HEAD' ? '' : ((JSON.parse(text) as { message?: string }).message ?? text);
        if (res.status !== 403 || (t.method !== 'HEAD' && said !== "token:roles blind has no access to engine 'local'"))
          problems.push(`${t.method} ${path} → ${res.status} ${said}`);
      }
      expect(problems).toEqual([]);
    });
  });

  it('a route added after this test was written is walked and checked with no edit to the walk', async () => {
    const added = targets.filter((t) => t.url === '/api/later');
    expect(added.map((t) => `${t.method} ${t.access ?? 'undeclared'}`).sort()).toEqual(['GET operator', 'HEAD operator', 'POST admin']);
    reached.length = 0;
    const { problems, checked } = await walk(url, added, callers, sessionsLetThroughReadsOnly);
    expect(problems).toEqual([]);
    // Every caller on the reads; on the POST all but the admin's session.
    expect(checked).toHaveLength(3 * callers.length - 1);
    // Only the callers the declarations let through ran the handlers: an operator or admin on the reads, the admin's token on the POST.
    expect(reached.sort()).toEqual([
      'GET admin',
      'GET otto',
      'GET token:roles admin',
      'GET token:roles operator',
      'HEAD admin',
      'HEAD otto',
      'HEAD token:roles admin',
      'HEAD token:roles operator',
      'POST token:roles admin',
    ]);
  });
});

describe('the walk can fail', () => {
  it('catches a route that declares a role the guards never see', async () => {
    const seen: RouteOptions[] = [];
    const other = await startAppWith({ onRoute: (route) => void seen.push({ ...route }), plugins: [unguarded], env });
    try {
      const { problems } = await walk(await listen(other), targetsOf(seen), [
        { name: 'anonymous', role: null, via: 'anonymous', headers: {} },
      ]);
      expect(problems).toEqual([
        'anonymous: GET /api/forgotten → expected 401, got let through (200)',
        'anonymous: HEAD /api/forgotten → expected 401, got let through (200)',
      ]);
    } finally {
      await other.close();
    }
  });
});

describe('declarations are checked as routes are added: the app does not start without one', () => {
  /** Why the app with `plugin` added refused to start, or 'started' (and then it is closed again). */
  async function startWith(plugin: FastifyPluginAsync): Promise<string> {
    try {
      await (await startAppWith({ onRoute: () => undefined, plugins: [plugin], env })).close();
      return 'started';
    } catch (err) {
      return (err as Error).message;
    }
  }

  it('a route that says nothing about who may call it', async () => {
    const undeclared: FastifyPluginAsync = async (fastify) => {
      fastify.get('/api/undeclared', () => ({}));
    };
    expect(await startWith(undeclared)).toMatch(/^GET \/api\/undeclared does not say who may call it/);
  });

  it('a route that lets a viewer change something without saying why', async () => {
    const careless: FastifyPluginAsync = async (fastify) => {
      fastify.post('/api/careless', { config: { role: 'viewer' } }, () => ({}));
    };
    expect(await startWith(careless)).toMatch(/^POST \/api\/careless lets a viewer change something/);
  });
});

describe('the socket handshake (/socket.io/, answered before any route)', () => {
  it('refuses anonymous and a made-up token; lets every role in, by session and by token', async () => {
    expect(await handshake(socketClient(url, {}))).toMatch(/^connect_error: unauthorized/);
    expect(await handshake(socketClient(url, { token: 'bbt_made-up' }))).toMatch(/^connect_error: unauthorized/);
    for (const role of ROLES) {
      expect(await handshake((sessions[role] as BrowserSession).socket()), `${role} session`).toBe('snapshot');
      expect(await handshake(socketClient(url, { token: tokens[role] ?? '' })), `${role} token`).toBe('snapshot');
    }
  });
});
