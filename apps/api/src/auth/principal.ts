import type { EngineRoles, GrantRule, Role } from '@bridgeboard/contract';

/** Who is asking: a signed-in browser session or a script's API token. */
export interface Principal {
  username: string;
  /** The default role: on every engine not in `engineRoles`, and on what concerns no engine. */
  role: Role;
  engineRoles: EngineRoles;
  /** The grants that reach it (the user's own and its groups', or the token's): rights.ts reads them with the roles. */
  grants: GrantRule[];
  via: 'session' | 'token';
  /** The session's id (a hash, never the cookie secret); null for tokens. */
  sessionId: string | null;
  tokenId: string | null;
  /** When the session ends (ms since epoch); null for tokens, which last until revoked. */
  expiresAt: number | null;
}

/** The routes of one engine: everything under `/api/engines/:engine/` (not the fleet's own routes, such as removing an engine). */
const ENGINE_SCOPE = '/api/engines/:engine/';

/**
 * The engine a request acts on when its route is one engine's, null otherwise: the caller's role
 * on that engine is what the guard checks and the audit trail records.
 */
export function engineOfRequest(request: { routeOptions: { url?: string | undefined }; params: unknown }): string | null {
  if (!request.routeOptions.url?.startsWith(ENGINE_SCOPE)) return null;
  const engine = (request.params as { engine?: unknown } | undefined)?.engine;
  return typeof engine === 'string' ? engine : null;
}

/** A token acts under its own name, so the audit log says which script did it. */
export function tokenUsername(name: string): string {
  return `token:${name}`;
}

/** Who may call a route: anyone (`public`), or anyone signed in with at least this role. */
export type Access = Role | 'public';

/** The parts of a route (as it is added, or as a request sees it) that say who may call it. */
export interface DeclaredRoute {
  url: string;
  method: string | string[];
  config?: { role?: Role; public?: boolean; selfService?: string } | undefined;
  schema?: unknown;
}

/**
 * Routes that libraries add, so no config of ours can say who may call them: answered to anyone.
 * They serve the API's docs page and the web app's own files, and act on nothing. Only routes
 * hidden from the OpenAPI document qualify (both libraries hide theirs), so a route of ours under
 * these paths still has to declare itself. Every other route says who may call it in its `config`.
 */
export const LIBRARY_PUBLIC_ROUTES: readonly { url: RegExp; library: string }[] = [
  { url: /^\/api\/docs(\/|$)/, library: '@fastify/swagger-ui: the API docs page (plugins/openapi.ts)' },
  { url: /^\/\*$/, library: '@fastify/static: the built web app (plugins/web.ts)' },
];

/** Methods that only read. A route open to every signed-in role that is not one of these says why (`selfService`). */
const READS: ReadonlySet<string> = new Set(['GET', 'HEAD']);

const hidden = (schema: unknown) => typeof schema === 'object' && schema !== null && (schema as { hide?: unknown }).hide === true;

/** What a route declares: `public: true`, a `role`, or being a library's route; null when it says nothing. */
export function accessOf(route: DeclaredRoute): Access | null {
  if (route.config?.public === true) return 'public';
  if (route.config?.role !== undefined) return route.config.role;
  if (hidden(route.schema) && LIBRARY_PUBLIC_ROUTES.some((r) => r.url.test(route.url))) return 'public';
  return null;
}

/** Whether a route is anything but a read: what a viewer may not call unless it is self-service. */
export function changesSomething(route: Pick<DeclaredRoute, 'method'>): boolean {
  return [route.method].flat().some((m) => !READS.has(m.toUpperCase()));
}

/**
 * Throws unless `route` says who may call it; plugins/auth.ts calls it as each route is added, so
 * a route that says nothing stops the app from starting (rather than being made admin-only at run
 * time: a forgotten declaration is a mistake to see at once, in the first test run, not a route
 * that quietly refuses operators in production). A route open to viewers that is not a read must
 * say why in `selfService` (it acts only on the caller's own session, or changes nothing).
 */
export function assertDeclared(route: DeclaredRoute): Access {
  const name = `${[route.method].flat().join(',')} ${route.url}`;
  const access = accessOf(route);
  if (access === null) {
    throw new Error(`${name} does not say who may call it: give its config a role ('viewer', 'operator' or 'admin') or public: true`);
  }
  if (route.config?.public === true && route.config.role !== undefined) {
    throw new Error(`${name} is both public and for the ${route.config.role} role: keep one`);
  }
  if (access === 'viewer' && changesSomething(route) && !route.config?.selfService) {
    throw new Error(
      `${name} lets a viewer change something: give it the operator or admin role, or, when it acts only on the caller's own session or changes nothing, say so in selfService`,
    );
  }
  return access;
}
