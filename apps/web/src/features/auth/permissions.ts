import { roleAtLeast, type EngineRole, type Role } from '@bridgeboard/contract';
import { API_ROLES, type ApiOperation } from '../../lib/api-roles';

/**
 * Whether `role` may call `operation`, by the server's own rule: lib/api-roles.ts is generated from
 * each route's declaration (its `x-role` in the OpenAPI document), so what the UI offers cannot
 * disagree with what the server allows. The server checks every request anyway.
 */
export function can(role: EngineRole, operation: ApiOperation): boolean {
  const needed = API_ROLES[operation];
  return needed === 'public' || roleAtLeast(role, needed);
}

/** The operations each part of the UI calls: it is offered when the role may call them all. */
const NEEDS = {
  /** Connect, disconnect and move containers (the board's drag and drop, the migration assistant). */
  connect: ['connectContainer', 'disconnectContainer', 'applyMigration'],
  createNetwork: ['createNetwork'],
  removeNetwork: ['removeNetwork'],
  /** The Users page: accounts, API tokens and the server settings. */
  manageUsers: ['listUsers', 'createUser', 'updateUser', 'deleteUser', 'listTokens', 'createToken', 'revokeToken', 'updateSettings'],
  /** The Engines page's Add, Edit and Remove. */
  manageEngines: ['testEngine', 'addEngine', 'updateEngine', 'removeEngine'],
} as const satisfies Record<string, readonly ApiOperation[]>;

/** What the UI offers to a role. It only hides or greys out what the server would refuse. */
export type Permissions = Record<keyof typeof NEEDS, boolean>;

/**
 * `role` is the default role (what concerns no engine: users, tokens, engines themselves);
 * `onEngine` the role on the engine the page shows (what changes that engine), as the server checks them.
 */
export function permissionsOf(role: Role, onEngine: EngineRole = role): Permissions {
  const offered = (as: EngineRole, operations: readonly ApiOperation[]) => operations.every((operation) => can(as, operation));
  return {
    connect: offered(onEngine, NEEDS.connect),
    createNetwork: offered(onEngine, NEEDS.createNetwork),
    removeNetwork: offered(onEngine, NEEDS.removeNetwork),
    manageUsers: offered(role, NEEDS.manageUsers),
    manageEngines: offered(role, NEEDS.manageEngines),
  };
}
