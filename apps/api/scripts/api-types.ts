/**
 * Writes apps/web/src/lib/api-schema.ts: the TypeScript types of the API's OpenAPI document, made
 * by openapi-typescript, from which the web's REST client takes every path, body and answer; and
 * apps/web/src/lib/api-roles.ts: who may call each operation (its `x-role`, which
 * openapi-typescript leaves out of the types), from which the web decides what to offer a role.
 *
 *   npm run api-types -w @bridgeboard/api      (tsx --conditions=source scripts/api-types.ts)
 *
 * The document is the one the app serves, asked of the app built in this process as the tests build
 * it (an in-memory database, no port opened). The app starts its engine watcher as it always does;
 * the document does not depend on the engine, and without one the app still starts, after a 5 s
 * wait. test/openapi.test.ts fails while either committed file differs from what this writes.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { buildServer } from '../src/build.js';
import { loadConfig } from '../src/config.js';

export const API_TYPES_FILE = fileURLToPath(new URL('../../web/src/lib/api-schema.ts', import.meta.url));
export const API_ROLES_FILE = fileURLToPath(new URL('../../web/src/lib/api-roles.ts', import.meta.url));

const HEADER = `/**
 * The API's paths, bodies and answers as TypeScript types. Generated from its OpenAPI document by
 * \`npm run api-types -w @bridgeboard/api\` (apps/api/scripts/api-types.ts): do not edit by hand.
 */
`;

/** The file's text for an OpenAPI document, formatted as the repository formats it (Prettier). */
export async function apiTypes(document: OpenAPI3): Promise<string> {
  const source = HEADER + astToString(await openapiTS(plainNulls(document) as OpenAPI3, { silent: true }));
  return format(source, { ...(await resolveConfig(API_TYPES_FILE)), filepath: API_TYPES_FILE });
}

const ROLES_HEADER = `/**
 * Who may call each operation of the API, by its operationId: \`public\` (no credential), or the least
 * role. Generated from each operation's \`x-role\` in the API's OpenAPI document, which states each
 * route's own declaration (\`config.role\` / \`config.public\`), by
 * \`npm run api-types -w @bridgeboard/api\` (apps/api/scripts/api-types.ts): do not edit by hand.
 */
`;

const ACCESS = new Set(['public', 'viewer', 'operator', 'admin']);
/** The keys of an OpenAPI path item that are operations. */
const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/**
 * The roles file's text: `operationId → x-role` for every operation, in operationId order. It must
 * name every operation of api-schema.ts and no other (`satisfies`), so the two cannot drift apart.
 */
export async function apiRoles(document: OpenAPI3): Promise<string> {
  const roles = new Map<string, string>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item as Record<string, { operationId?: string; 'x-role'?: unknown }>)) {
      if (!METHODS.has(method)) continue;
      const { operationId, 'x-role': role } = operation;
      const where = `${method.toUpperCase()} ${path}`;
      if (!operationId) throw new Error(`${where} has no operationId`);
      if (typeof role !== 'string' || !ACCESS.has(role)) throw new Error(`${where} has no x-role (or an unknown one): ${String(role)}`);
      if (roles.has(operationId)) throw new Error(`operationId ${operationId} is used twice`);
      roles.set(operationId, role);
    }
  }
  const entries = [...roles].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, role]) => `  ${id}: '${role}',`);
  const source = `${ROLES_HEADER}import type { Role } from '@bridgeboard/contract';
import type { operations } from './api-schema';

export const API_ROLES = {
${entries.join('\n')}
} as const satisfies Record<keyof operations, Role | 'public'>;

/** An operation of the API, by its operationId. */
export type ApiOperation = keyof typeof API_ROLES;
`;
  return format(source, { ...(await resolveConfig(API_ROLES_FILE)), filepath: API_ROLES_FILE });
}

/**
 * TypeBox's `Type.Null()` is `{ type: 'null' }`, which OpenAPI 3.0 lacks, so @fastify/swagger writes
 * `{ type: 'object', nullable: true, enum: [null] }`; openapi-typescript reads that as `never | null`
 * (an object with no possible value, or null), which the web's lint refuses. Without `type` it is `null`.
 */
function plainNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plainNulls);
  if (typeof value !== 'object' || value === null) return value;
  const node = Object.fromEntries(Object.entries(value).map(([key, v]) => [key, plainNulls(v)])) as Record<string, unknown>;
  if (node.type === 'object' && node.nullable === true && Array.isArray(node.enum) && node.enum.length === 1 && node.enum[0] === null) {
    delete node.type;
  }
  return node;
}

/** The document the app serves at `GET /api/openapi.json`. */
async function servedDocument(): Promise<OpenAPI3> {
  // Not the shell's environment: the document must not depend on who runs this.
  const app = await buildServer({ config: loadConfig({ DATABASE_PATH: ':memory:' }) });
  try {
    return (await app.inject('/api/openapi.json')).json<OpenAPI3>();
  } finally {
    await app.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const document = await servedDocument();
  await writeFile(API_TYPES_FILE, await apiTypes(document));
  console.log(`wrote ${API_TYPES_FILE}`);
  await writeFile(API_ROLES_FILE, await apiRoles(document));
  console.log(`wrote ${API_ROLES_FILE}`);
}
