/**
 * Every Docker API call Bridgeboard makes, and the only ones the docker plugin lets through. The
 * README's socket-proxy section lists the same endpoints: keep the two in step.
 */
export const ENGINE_ALLOWLIST: ReadonlySet<string> = new Set([
  'GET /_ping',
  'GET /version',
  'GET /events',
  'GET /networks',
  'GET /networks/{id}',
  'POST /networks/create',
  'POST /networks/{id}/connect',
  'POST /networks/{id}/disconnect',
  'DELETE /networks/{id}',
  'GET /containers/json',
  'GET /containers/{id}/json',
]);

/**
 * The live probes' calls: run a fixed command in a container and read its exit. Allowed only while
 * an admin has probes turned on (they are off by default).
 */
export const EXEC_CALLS: ReadonlySet<string> = new Set(['POST /containers/{id}/exec', 'POST /exec/{id}/start', 'GET /exec/{id}/json']);

export interface DialOptions {
  method?: string;
  path?: string;
}

/** The engine's own endpoints that look like `/<kind>/<id>`; any other second segment is an object's name or id. */
const FIXED = new Set(['GET /containers/json', 'POST /containers/create', 'POST /networks/create']);

/**
 * `GET /v1.41/containers/web/json?x=1` → `GET /containers/{id}/json`: one key per kind of call.
 * Decided by method and position, so a container named `json` or a network named `create` is an
 * object like any other (`GET /containers/json/json`, `DELETE /networks/create`).
 */
export function callKey(options: DialOptions): string {
  const method = options.method ?? 'GET';
  const path = (options.path ?? '').split('?')[0]?.replace(/^\/v[\d.]+(?=\/)/, '') ?? '';
  if (FIXED.has(`${method} ${path}`)) return `${method} ${path}`;
  return `${method} ${path.replace(/^(\/(?:containers|networks|exec))\/[^/]+/, '$1/{id}')}`;
}
