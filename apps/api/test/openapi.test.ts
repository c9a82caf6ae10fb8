import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import Fastify, { type RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { OpenAPI3 } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROLES_FILE, API_TYPES_FILE, apiRoles, apiTypes } from '../scripts/api-types.js';
import app, { serverOptions } from '../src/app.js';
import { accessOf } from '../src/auth/principal.js';
import { loadConfig } from '../src/config.js';
import { ADMIN_PASSWORD } from './helpers/app.js';

interface Operation {
  operationId?: string;
  summary?: string;
  security?: unknown[];
  'x-role'?: string;
  responses: Record<string, unknown>;
}

interface Document {
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { type: string }> };
  security: Record<string, unknown[]>[];
}

interface RedoclyProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer: string }[];
}

/** Redocly CLI's own entry: its library is bundled inside it, so it runs as a user would run it. */
const REDOCLY = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');

/** `redocly lint` with the `recommended` rules over a document; telemetry off, so it sends nothing. */
async function redoclyLint(document: unknown): Promise<RedoclyProblem[]> {
  const dir = await mkdtemp(join(tmpdir(), 'bridgeboard-openapi-'));
  try {
    await writeFile(join(dir, 'openapi.json'), JSON.stringify(document));
    await writeFile(join(dir, 'redocly.yaml'), 'extends:\n  - recommended\ntelemetry: off\n');
    const run = spawnSync(process.execPath, [REDOCLY, 'lint', '--format', 'json', 'openapi.json'], { cwd: dir, encoding: 'utf8' });
    // 0: no error, 1: errors found; anything else is Redocly failing to run.
    if (run.status !== 0 && run.status !== 1) throw new Error(`redocly lint exited ${String(run.status)}: ${run.stderr}`);
    return (JSON.parse(run.stdout) as { problems: RedoclyProblem[] }).problems;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const where = (problem: RedoclyProblem) => `${problem.ruleId} at ${problem.location[0]?.pointer ?? '?'}`;

/** Redocly's warnings left on purpose, and why. Any other warning fails, as does any error. */
const LEFT_WARNINGS = [
  // The project states no license, and the document does not invent one.
  'info-license at #/info',
  // Single sign-on's two steps are browser navigations: they answer only with a redirect (302),
  // to the provider or back to the board (or the sign-in page with the reason), never a 2xx.
  'operation-2xx-response at #/paths/~1api~1auth~1oidc~1start/get/responses',
  'operation-2xx-response at #/paths/~1api~1auth~1oidc~1callback/get/responses',
];

describe('OpenAPI', () => {
  const routes: RouteOptions[] = [];
  let api: Awaited<ReturnType<typeof build>>;
  let doc: Document;

  // As buildServer does, with one hook more: every route the app adds, to compare with the document.
  async function build() {
    const fastify = Fastify(serverOptions);
    fastify.addHook('onRoute', (route) => void routes.push(route));
    await fastify.register(fp(app), {
      config: loadConfig({ LOG_LEVEL: 'error', DATABASE_PATH: ':memory:', BRIDGEBOARD_ADMIN_PASSWORD: ADMIN_PASSWORD }),
    });
    await fastify.ready();
    return fastify;
  }

  beforeAll(async () => {
    api = await build();
    doc = (await api.inject('/api/openapi.json')).json<Document>();
  });
  afterAll(() => api.close());

  it('serves a document that validates as OpenAPI 3 and whose references resolve', async () => {
    const res = await api.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const validator = new Validator();
    const result = await validator.validate(res.json());
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.0');
    expect(() => validator.resolveRefs()).not.toThrow();
  });

  it('describes every route of the app, with the credentials it takes', () => {
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearer', 'session']);
    expect(doc.security).toEqual([{ session: [] }, { bearer: [] }]);

    const hidden = routes.filter((r) => r.schema?.hide);
    // Only the docs page's own files (and the web app's static files, when built) are left out.
    for (const route of hidden) expect(route.url === '/*' || route.url.startsWith('/api/docs')).toBe(true);
    const described = routes.filter((r) => !hidden.includes(r));
    const expected = described.flatMap((r) =>
      [r.method]
        .flat()
        .filter((m) => m !== 'HEAD')
        .map((m) => ({ r, m: m.toLowerCase() })),
    );
    expect(expected.length).toBeGreaterThan(25);
    for (const { r, m } of expected) {
      const path = r.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      const operation = doc.paths[path]?.[m];
      expect(operation, `${m.toUpperCase()} ${r.url} is in the document`).toBeDefined();
      // Who may call it, as the route itself declares (what the guards enforce).
      expect(operation?.['x-role'], `${m.toUpperCase()} ${r.url} says who may call it`).toBe(accessOf(r));
      if (r.config?.public) expect(operation?.security, `${r.url} is public`).toEqual([]);
      else expect(operation?.security, `${r.url} needs a credential`).toBeUndefined();
    }
    const operations = Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
    expect(operations).toBe(expected.length);
  });

  it('serves the docs page and its document (the page is checked in Chromium by hand: no CSP violation)', async () => {
    const page = await api.inject('/api/docs/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body).toContain('swagger-ui-bundle.js');
    expect((await api.inject('/api/docs/json')).json()).toEqual((await api.inject('/api/openapi.json')).json());
  });

  it('passes Redocly’s recommended rules: no error, and only the warnings left on purpose', async () => {
    const problems = await redoclyLint(doc);
    const errors = problems.filter((p) => p.severity === 'error').map((p) => `${where(p)}: ${p.message}`);
    expect(errors, `Redocly errors:\n${errors.join('\n')}`).toEqual([]);
    expect(problems.map(where)).toEqual(LEFT_WARNINGS);
  });

  it('names every operation in camelCase, verb then noun', () => {
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, id: op.operationId })),
    );
    // Redocly checks that the names are unique.
    expect(operations.filter((o) => o.id === undefined).map((o) => o.name)).toEqual([]);
    for (const { id } of operations) if (id !== undefined) expect(id).toMatch(/^[a-z]+(?:[A-Z][a-z]+)+$/);
  });

  it('says where the API is in a way that holds at any address, behind a proxy too: relative to the document', () => {
    expect(doc.servers).toEqual([{ url: '/', description: expect.any(String) as unknown }]);
    // Under a prefix, `'/'` routes are the prefix alone (a path with a trailing slash is not an alias).
    expect(Object.keys(doc.paths).filter((path) => path.endsWith('/'))).toEqual([]);
  });

  it('lists the answers the app’s hooks give before any handler: 401 without a credential, 403, 429', () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const statuses = Object.keys(op.responses);
        expect(statuses, `${method} ${path}`).toEqual(expect.arrayContaining(['403', '429']));
        if (path.startsWith('/api/') && op.security === undefined) expect(statuses, `${method} ${path}`).toContain('401');
      }
    }
  });

  it('matches the web’s generated types, apps/web/src/lib/api-schema.ts', async () => {
    const committed = await readFile(API_TYPES_FILE, 'utf8');
    const generated = await apiTypes(doc as unknown as OpenAPI3);
    expect(committed, 'apps/web/src/lib/api-schema.ts is stale: run `npm run api-types -w @bridgeboard/api`').toBe(generated);
  });

  it('matches the web’s generated roles, apps/web/src/lib/api-roles.ts (every operation’s x-role)', async () => {
    const committed = await readFile(API_ROLES_FILE, 'utf8');
    const generated = await apiRoles(doc as unknown as OpenAPI3);
    expect(committed, 'apps/web/src/lib/api-roles.ts is stale: run `npm run api-types -w @bridgeboard/api`').toBe(generated);
    expect(generated).toContain("probeReachability: 'operator',");
    expect(generated).toContain("getHealth: 'public',");
  });
});
