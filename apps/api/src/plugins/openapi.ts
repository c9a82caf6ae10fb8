import { readFileSync } from 'node:fs';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { ErrorResponse } from '@bridgeboard/contract';
import { accessOf } from '../auth/principal.js';
import { SESSION_COOKIE } from './auth.js';

/** `/api/networks/...` and `/api/engines/:engine/networks/...` → `networks`: the docs page groups operations by resource. */
function tagOf(url: string): string {
  const resource = /^\/api\/(?:engines\/:engine\/)?([^/]+)/.exec(url)?.[1];
  if (!resource) return 'ops';
  return resource === 'health' || resource === 'ready' || resource === 'openapi.json' ? 'ops' : resource;
}

/**
 * Answers the app's own hooks give before any handler runs, so routes do not list them, yet a
 * generated client must know them: 403 on any route (same-origin.ts refuses a foreign Host or a
 * cross-site mutation; in `/api` the auth guards refuse a missing CSRF token or a role too low),
 * 429 on any route (the rate limit, app.ts), 401 on every `/api` route that needs a credential.
 * What a route lists itself wins.
 */
function hookAnswers(url: string, isPublic: boolean): Record<number, typeof ErrorResponse> {
  const answers: Record<number, typeof ErrorResponse> = { 403: ErrorResponse, 429: ErrorResponse };
  if (url.startsWith('/api/') && !isPublic) answers[401] = ErrorResponse;
  return answers;
}

/**
 * Who may call the operation, from the route's own declaration (`config.role` / `config.public`,
 * see plugins/auth.ts): `public`, or the least role. openapi-typescript leaves `x-` extensions out
 * of the types, so scripts/api-types.ts writes them into apps/web/src/lib/api-roles.ts, from which
 * the web decides what to offer.
 */
function roleOf(route: RouteOptions): string {
  const access = accessOf(route);
  if (access === null) throw new Error(`${String(route.method)} ${route.url} does not say who may call it (config.role or config.public)`);
  return access;
}

/** The api package's version (`src/plugins` and `dist/plugins` are both two levels below it). */
const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/**
 * The OpenAPI 3 document, generated from the route schemas (TypeBox schemas are JSON Schema), and
 * its docs page at `/api/docs`. Registered before any route: `@fastify/swagger` collects routes as
 * they are added. Both are public: they describe the API, they do not act on anything. Every route
 * names its operation (`operationId`, `summary`): client generators and API consoles key on them,
 * and apps/web/src/lib/api-schema.ts is generated from this document.
 */
export default fp(
  async (fastify) => {
    await fastify.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: 'Bridgeboard API',
          version,
          description:
            'Live view and control of Docker networks. Sign in with `POST /api/auth/login` (a session cookie; mutations from a session also need the `x-csrf-token` header, whose value is the `csrfToken` that sign-in and `GET /api/auth/me` return) or send an API token as `Authorization: Bearer`. Each operation’s `x-role` says who may call it: `public` (no credential), or the least role of `viewer` < `operator` < `admin`.',
        },
        // Relative: resolved against the address the document was loaded from, so it is right for a
        // browser at any address, and behind a TLS proxy keeps the proxy's https, host and port, which
        // the server itself cannot see (the app is served at the root of its host; the web app
        // calls `/api/...` too). Tools treat `/` as "this origin", the spec's default when absent.
        servers: [{ url: '/', description: 'The server this document came from' }],
        components: {
          securitySchemes: {
            session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The signed session cookie set by sign-in' },
            bearer: { type: 'http', scheme: 'bearer', description: 'An API token (`bbt_…`) made by an admin' },
          },
        },
        security: [{ session: [] }, { bearer: [] }],
      },
      transform: ({ schema, url, route }) => {
        const role = roleOf(route);
        const response = { ...hookAnswers(url, role === 'public'), ...(schema.response as Record<string, unknown> | undefined) };
        const described = { ...schema, tags: schema.tags ?? [tagOf(url)], response, 'x-role': role };
        // Routes answered without a session say so, so generated clients send no credential.
        if (role === 'public') described.security = [];
        return { schema: described, url };
      },
    });
    await fastify.register(swaggerUi, {
      routePrefix: '/api/docs',
      // No `staticCSP`: the page loads only its own scripts and styles, which the app's CSP
      // (helmet, app.ts) allows. The validator badge (off by default, `validatorUrl`) would fetch
      // an image from validator.swagger.io: it stays off.
      // `showExtensions`: each operation shows its `x-role`, who may call it.
      uiConfig: { deepLinking: true, tryItOutEnabled: false, showExtensions: true },
    });
    fastify.get(
      '/api/openapi.json',
      {
        config: { public: true },
        schema: {
          operationId: 'getOpenApiDocument',
          summary: 'This OpenAPI document',
          response: { 200: { description: 'OpenAPI 3.0', type: 'object', additionalProperties: true } },
        },
      },
      () => fastify.swagger(),
    );
  },
  { name: 'openapi' },
);
