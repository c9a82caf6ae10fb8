import Fastify, { type FastifySchema } from 'fastify';
import fp from 'fastify-plugin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ENGINE_ID, NAME_PATTERN, Ref } from '@bridgeboard/contract';
import app, { serverOptions } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { ADMIN_PASSWORD, listen } from './helpers/app.js';
import { cleanup, docker, namespace, runContainer } from './helpers/engine.js';
import { signIn, type Answer, type BrowserSession } from './helpers/session.js';

/**
 * A reference (a network or container name or id, in a URL, a query or a body) that names nothing
 * is answered with a 4xx that names it, and the engine is left as it was. The names every plain
 * object inherits (`constructor`, `toString`, …) are the sharp case: read as `table[ref]`, they
 * "existed", and a request went on with `Object` or `Function` in hand (a 500, or the engine asked
 * to remove `/networks/undefined`).
 *
 * The routes are the app's own, collected as it adds them: a route added later with a path
 * parameter is walked too, with no change here. Each is called as a signed-in admin (session
 * cookie, Origin and CSRF token), so no guard stops the request before its handler.
 */

const ns = namespace('oddref');
/** A network and a container that exist, for the parameters and fields not under test. */
const NET = `${ns}-net`;
const CTR = `${ns}-ctr`;
const UNKNOWN = `${ns}-nothing`;
const ODD = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', UNKNOWN];

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
}

/** The JSON Schema keywords the route schemas use (TypeBox writes plain JSON Schema). */
interface Schema {
  type?: string;
  const?: unknown;
  default?: unknown;
  examples?: unknown[];
  enum?: unknown[];
  anyOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  minProperties?: number;
  items?: Schema;
  minItems?: number;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
}

interface WalkedRoute {
  method: string;
  url: string;
  schema: FastifySchema | undefined;
}

/** As buildServer does, with one hook more: every route the app adds. */
async function buildApp(routes: WalkedRoute[]) {
  const fastify = Fastify(serverOptions);
  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, schema: route.schema });
  });
  await fastify.register(fp(app), {
    config: loadConfig({ LOG_LEVEL: 'error', DATABASE_PATH: ':memory:', BRIDGEBOARD_ADMIN_PASSWORD: ADMIN_PASSWORD }),
  });
  await fastify.ready();
  return fastify;
}

const routes: WalkedRoute[] = [];
const api = await buildApp(routes);
let session: BrowserSession;

/** `:name` parameters; a wildcard (`*`) is a file path of the docs page or the web app, not a reference. */
const paramsOf = (url: string): string[] => (url.includes('*') ? [] : [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] ?? ''));

const byRef = routes
  .filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS')
  .flatMap((route) => paramsOf(route.url).map((param) => ({ route, param, label: `${route.method} ${route.url} (:${param})` })));

/** For a parameter not under test: a real object of the collection it follows (`/networks/:id` → a network). */
const REAL_AFTER = new Map([
  ['engines', DEFAULT_ENGINE_ID],
  ['networks', NET],
  ['containers', CTR],
  ['connections', CTR],
]);

function pathFor(url: string, param: string, ref: string): string {
  const segments = url.split('/');
  return segments
    .map((segment, i) => {
      if (!segment.startsWith(':')) return segment;
      const value = segment === `:${param}` ? ref : (REAL_AFTER.get(segments[i - 1] ?? '') ?? ref);
      return encodeURIComponent(value);
    })
    .join('/');
}

const schemaOf = (schema: unknown): Schema => (schema as Schema | undefined) ?? {};

/** The smallest body the route's schema accepts; names are the real container. */
function sampleOf(s: Schema): unknown {
  if (s.default !== undefined) return s.default;
  if (s.const !== undefined) return s.const;
  // A field with a shape of its own (an engine's host) says what fits it.
  if (s.examples?.[0] !== undefined) return s.examples[0];
  if (s.enum) return s.enum[0];
  if (s.anyOf?.[0]) return sampleOf(s.anyOf[0]);
  switch (s.type) {
    case 'object': {
      const entries = Object.entries(s.properties ?? {});
      const chosen = entries.filter(([key]) => s.required?.includes(key));
      for (const entry of entries) if (chosen.length < (s.minProperties ?? 0) && !chosen.includes(entry)) chosen.push(entry);
      return Object.fromEntries(chosen.map(([key, value]) => [key, sampleOf(value)]));
    }
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sampleOf(s.items ?? {}));
    case 'boolean':
      return false;
    case 'integer':
    case 'number':
      return s.minimum ?? 0;
    case 'string':
      return s.pattern === NAME_PATTERN ? CTR : 'x'.repeat(Math.max(1, s.minLength ?? 1));
    default:
      return null;
  }
}

/** Whether `ref` gets past the field's schema, to be looked up. */
function fits(field: Schema, ref: string): boolean {
  if (field.pattern !== undefined && !new RegExp(field.pattern).test(ref)) return false;
  return ref.length >= (field.minLength ?? 0) && ref.length <= (field.maxLength ?? Infinity);
}

/** Engine calls other than reads this app has made so far. */
const engineChanges = (): string[] =>
  [...api.defaultEngine.client.calls]
    .filter(([key]) => !key.startsWith('GET '))
    .map(([key, n]) => `${key} ×${n}`)
    .sort();

/**
 * `docker network ls` and `docker ps -a` (with each container's networks) for what a request
 * could wrongly touch: this file's objects, the system networks, and anything named like the
 * references or like what a broken lookup sends (`undefined`). Other runs' objects on the shared
 * engine come and go on their own and are left out.
 */
const WATCHED = new Set(['bridge', 'host', 'none', 'undefined', 'null', 'Object', 'Function', ...ODD]);
const watched = (name: string): boolean => name.startsWith(`${ns}-`) || WATCHED.has(name);

async function engineListing(): Promise<string> {
  const networks = (await docker('network', 'ls', '--no-trunc', '--format', '{{.ID}} {{.Name}}'))
    .split('\n')
    .filter((line) => watched(line.split(' ')[1] ?? ''));
  const containers = (await docker('ps', '-a', '--no-trunc', '--format', '{{.ID}} {{.Names}} {{.Networks}}'))
    .split('\n')
    .map((line) => line.split(' '))
    .filter(([, name = '']) => watched(name))
    .map(([id = '', name = '', nets = '']) => `${id} ${name} ${nets.split(',').sort().join(',')}`);
  return JSON.stringify({ networks: networks.sort(), containers: containers.sort() });
}

interface Refused {
  /** Where the schema reports the field: `params/id`, `querystring/from`, `body/containers/0`. */
  where: string;
  /** The field's own schema, to tell a shape refusal from a lookup. */
  field: Schema;
}

/**
 * A 4xx, never a 500 (nor a 401/403/429, which would mean the request never reached its handler).
 * A reference that fits the field's pattern was looked up, and the message quotes it; one that
 * does not is refused by the schema with 400, and the message names the field.
 */
function expectRefused(label: string, ref: string, answer: Answer<ErrorBody>, { where, field }: Refused): void {
  const said = `${label} with '${ref}' answered ${answer.status}: ${JSON.stringify(answer.body)}`;
  expect([400, 404], said).toContain(answer.status);
  expect(answer.body.statusCode, said).toBe(answer.status);
  if (fits(field, ref)) expect(answer.body.message, said).toContain(`'${ref}'`);
  else {
    expect(answer.status, said).toBe(400);
    expect(answer.body.message.startsWith(`${where} `), said).toBe(true);
  }
}

/** Sends each odd reference; the engine (its listing, and the calls this app made) is unchanged after all of them. */
async function walk(label: string, send: (ref: string) => Promise<Answer<ErrorBody>>, refused: Refused): Promise<void> {
  const listing = await engineListing();
  const changes = engineChanges();
  for (const ref of ODD) {
    expectRefused(label, ref, await send(ref), refused);
    expect(engineChanges(), `${label} with '${ref}' changed nothing in the engine`).toEqual(changes);
  }
  expect(await engineListing(), `${label}: docker network ls / docker ps -a`).toBe(listing);
}

beforeAll(async () => {
  await cleanup(ns);
  await docker('network', 'create', NET);
  // On the default bridge only, so even a request that wrongly took both real objects could not disconnect anything.
  await runContainer(CTR);
  session = await signIn(await listen(api), 'admin', ADMIN_PASSWORD);
  // Live probes on: otherwise the probe route refuses (409) before it reads its references.
  const on = await session.request('PUT', '/api/settings', { body: { probesEnabled: true } });
  if (on.status !== 200) throw new Error(`turning probes on answered ${on.status}: ${JSON.stringify(on.body)}`);
});

afterAll(async () => {
  // Engine objects first: should closing the app ever hang, nothing of ours is left behind.
  try {
    await cleanup(ns);
  } finally {
    await api.close();
  }
});

describe('every route with a path parameter', () => {
  it('is found by walking the app: the network, connection, container, user and token routes at least', () => {
    expect(byRef.map((c) => c.label)).toEqual(
      expect.arrayContaining([
        'DELETE /api/engines/:engine/networks/:id (:id)',
        'POST /api/engines/:engine/networks/:id/connections (:id)',
        'DELETE /api/engines/:engine/networks/:id/connections/:container (:id)',
        'DELETE /api/engines/:engine/networks/:id/connections/:container (:container)',
        'GET /api/engines/:engine/containers/:id/wire (:id)',
        'PATCH /api/users/:username (:username)',
        'DELETE /api/users/:username (:username)',
        'DELETE /api/tokens/:id (:id)',
      ]),
    );
  });

  it.each(byRef)('$label answers each odd reference with a 4xx naming it, and leaves the engine alone', async ({ route, param, label }) => {
    const body = route.schema?.body === undefined ? undefined : sampleOf(schemaOf(route.schema.body));
    // A required query (`?from=` of across-nodes) is given too: the walk is about the path's reference.
    const query = route.schema?.querystring === undefined ? {} : (sampleOf(schemaOf(route.schema.querystring)) as Record<string, string>);
    const search = Object.keys(query).length > 0 ? `?${new URLSearchParams(query).toString()}` : '';
    const field = schemaOf(schemaOf(route.schema?.params).properties?.[param]);
    await walk(label, (ref) => session.request<ErrorBody>(route.method, `${pathFor(route.url, param, ref)}${search}`, { body }), {
      where: `params/${param}`,
      field,
    });
  });
});

describe('references in a query or a body', () => {
  /** Every reference field is a `Ref` (contract/common.ts). */
  const ref = schemaOf(Ref);
  const q = encodeURIComponent;

  it.each([
    ['GET /api/engines/local/export?networks=', (r: string) => `/api/engines/local/export?networks=${q(r)}`, 'querystring/networks/0'],
    [
      'GET /api/engines/local/export?format=compose&containers=',
      (r: string) => `/api/engines/local/export?format=compose&containers=${q(r)}`,
      'querystring/containers/0',
    ],
    ['GET /api/engines/local/reachability?from=', (r: string) => `/api/engines/local/reachability?from=${q(r)}`, 'querystring/from'],
    [
      'GET /api/engines/local/reachability/across-nodes?from=',
      (r: string) => `/api/engines/local/reachability/across-nodes?from=${q(r)}`,
      'querystring/from',
    ],
  ])('%s', async (label, path, where) => {
    await walk(label, (r) => session.get<ErrorBody>(path(r)), { where, field: ref });
  });

  it.each([
    [
      'POST /api/engines/:engine/networks/:id/connections { container }',
      `/api/engines/local/networks/${NET}/connections`,
      (r: string) => ({ container: r }),
      'body/container',
    ],
    [
      'POST /api/engines/local/reachability/probe { from }',
      '/api/engines/local/reachability/probe',
      (r: string) => ({ from: r }),
      'body/from',
    ],
    [
      'POST /api/engines/local/reachability/probe { network }',
      '/api/engines/local/reachability/probe',
      (r: string) => ({ network: r }),
      'body/network',
    ],
    [
      'POST /api/engines/local/reachability/probe { containers }',
      '/api/engines/local/reachability/probe',
      (r: string) => ({ containers: [r] }),
      'body/containers/0',
    ],
    [
      'POST /api/engines/local/migrations { containers }',
      '/api/engines/local/migrations',
      (r: string) => ({ containers: [r] }),
      'body/containers/0',
    ],
    [
      'POST /api/engines/local/migrations { from }',
      '/api/engines/local/migrations',
      (r: string) => ({ containers: [CTR], from: r }),
      'body/from',
    ],
  ])('%s', async (label, path, body, where) => {
    await walk(label, (r) => session.post<ErrorBody>(path, body(r)), { where, field: ref });
  });

  it.each([
    ['containers', (r: string) => ({ containers: [r] }), 'body/containers/0', 'No container named'],
    ['from', (r: string) => ({ containers: [CTR], from: r }), 'body/from', 'No network named'],
  ])(
    'POST /api/engines/:engine/migrations/plan { %s }: a plan that changes nothing and refuses the name',
    async (_field, body, where, refusal) => {
      const listing = await engineListing();
      const changes = engineChanges();
      for (const r of ODD) {
        const answer = await session.post<{ steps: unknown[]; refusals: { reason: string }[] } & ErrorBody>(
          '/api/engines/local/migrations/plan',
          body(r),
        );
        const said = `plan with '${r}' answered ${answer.status}: ${JSON.stringify(answer.body)}`;
        if (fits(ref, r)) {
          // A plan is shown as it is edited: what it cannot do is in its refusals, not an error.
          expect(answer.status, said).toBe(200);
          expect(answer.body.steps, said).toEqual([]);
          expect(
            answer.body.refusals.map((x) => x.reason),
            said,
          ).toContain(`${refusal} '${r}'`);
        } else {
          expect(answer.status, said).toBe(400);
          expect(answer.body.message.startsWith(`${where} `), said).toBe(true);
        }
      }
      expect(engineChanges()).toEqual(changes);
      expect(await engineListing()).toBe(listing);
    },
  );
});
