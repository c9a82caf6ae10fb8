import { NAME_PATTERN } from '@bridgeboard/contract';
import { probeExecRefusal, probeStartRefusal } from './probe-command.js';

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
  // Swarm, read only: where the engine stands, and on a manager its nodes, services and tasks.
  'GET /info',
  'GET /nodes',
  'GET /services',
  'GET /services/{id}',
  'GET /tasks',
]);

const EXEC_CREATE = 'POST /containers/{id}/exec';
const EXEC_START = 'POST /exec/{id}/start';
/**
 * The live probes' calls: create the probe's exec in a container, then start it and read its
 * output. Allowed only while an admin has probes turned on (they are off by default), and only
 * for the probe's own command (engine/probe-command.ts) and an exec this client created.
 */
export const EXEC_CALLS: ReadonlySet<string> = new Set([EXEC_CREATE, EXEC_START]);

/** What dockerode hands its modem: the call, and the options the modem turns into a body or query. */
export interface DialOptions {
  method?: string;
  path?: string;
  options?: unknown;
  file?: unknown;
  hijack?: boolean;
  openStdin?: boolean;
}

/** The engine's own endpoints that look like `/<kind>/<id>`; any other second segment is an object's name or id. */
const FIXED = new Set(['GET /containers/json', 'POST /containers/create', 'POST /networks/create']);

const stripVersion = (path: string) => path.replace(/^\/v[\d.]+(?=\/)/, '');

/**
 * `GET /v1.41/containers/web/json?x=1` → `GET /containers/{id}/json`: one key per kind of call.
 * Decided by method and position, so a container named `json` or a network named `create` is an
 * object like any other (`GET /containers/json/json`, `DELETE /networks/create`).
 */
export function callKey(options: DialOptions): string {
  const method = options.method ?? 'GET';
  const path = stripVersion((options.path ?? '').split('?')[0] ?? '');
  if (FIXED.has(`${method} ${path}`)) return `${method} ${path}`;
  return `${method} ${path.replace(/^(\/(?:containers|networks|exec|services))\/[^/]+/, '$1/{id}')}`;
}

/** The object a `/<kind>/<id>/…` path names. */
export const pathId = (options: DialOptions): string => stripVersion(options.path ?? '').split('/')[2] ?? '';

/**
 * The JSON the modem will send for a POST, exactly as docker-modem builds it (`opts._body || opts`,
 * less the keys it strips), or undefined when it cannot be read as JSON.
 */
export function sentBody(options: DialOptions): unknown {
  if (options.options === undefined || options.options === null || typeof options.options !== 'object') return undefined;
  const opts = options.options as Record<string, unknown>;
  const body = (opts._body as object | undefined) || opts;
  try {
    return JSON.parse(
      JSON.stringify(body, (k, v: unknown) => (body === opts && (k === 'abortSignal' || k === 'authconfig') ? undefined : v)),
    ) as unknown;
  } catch {
    return undefined;
  }
}

const ID = new RegExp(NAME_PATTERN);
/** Exec ids are 64 hex digits. */
const EXEC_ID = /^[0-9a-f]{64}$/;

export interface ExecGate {
  /** An admin has turned live probes on. */
  enabled(): boolean;
  /** This client created the exec `id` (with the probe's command) and has not started it yet. */
  created(id: string): boolean;
}

/**
 * Why the docker client must not make this call, or null when it may. Exec calls pass only with
 * probes on, for the probe's exact command and fields, into a container named by a plain id or
 * name, and a start only for an exec this client created: a bug (or a future route) cannot run
 * anything else in a container, and a body that is not the probe's never reaches the engine.
 */
export function refusalOf(options: DialOptions, exec: ExecGate): string | null {
  const key = callKey(options);
  if (ENGINE_ALLOWLIST.has(key)) return null;
  const notListed = `engine call not in Bridgeboard's allowlist: ${key}`;
  if (!EXEC_CALLS.has(key)) return notListed;
  if (!exec.enabled()) return `${notListed} (live probes are off)`;
  const pinned = (why: string) => `${notListed} only for the live probe, and ${why}`;
  if ((options.path ?? '').includes('?') || options.file !== undefined) return pinned('this call has a query or a file');
  const id = pathId(options);
  if (key === EXEC_CREATE) {
    if (!ID.test(id)) return pinned(`${JSON.stringify(id)} is not a container id or name`);
    const why = probeExecRefusal(sentBody(options));
    return why === null ? null : pinned(why);
  }
  if (!EXEC_ID.test(id) || !exec.created(id)) return pinned('this exec was not created by the probe');
  if (options.hijack !== true || options.openStdin === true) return pinned('the probe reads its output and sends nothing in');
  const why = probeStartRefusal(sentBody(options));
  return why === null ? null : pinned(why);
}
