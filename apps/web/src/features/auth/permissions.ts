import { roleAtLeast, type Role } from '@bridgeboard/contract';
import { API_ROLES, type ApiOperation } from '../../lib/api-roles';

/**
 * Whether `role` may call `operation`, by the server's own rule: lib/api-roles.ts is generated from
 * each route's declaration (its `x-role` in the OpenAPI document), so what the UI offers cannot
 * disagree with what the server allows. The server checks every request anyway.
 */
export function can(role: Role, operation: ApiOperation): boolean {
  const needed = API_ROLES[operation];
  return needed === 'public' || roleAtLeast(role, needed);
}

/** The operations each part of the UI calls: it is offered when the role may call them all. */
const NEEDS = {
  /** Connect, disconnect and move containers (the board's drag and drop, the migration assistant). */
  wire: ['connectContainer', 'disconnectContainer', 'applyMigration'],
  createNetwork: ['createNetwork'],
  removeNetwork: ['removeNetwork'],
  /** The Users page: accounts, API tokens and the server settings. */
  manageUsers: ['listUsers', 'createUser', 'updateUser', 'deleteUser', 'listTokens', 'createToken', 'revokeToken', 'updateSettings'],
  /** The Engines page's Add and Remove. */
  manageEngines: ['testEngine', 'addEngine', 'removeEngine'],
} as const satisfies Record<string, readonly ApiOperation[]>;

/** What the UI offers to a role. It only hides or greys out what the server would refuse. */
export type Permissions = Record<keyof typeof NEEDS, boolean>;

export function permissionsOf(role: Role): Permissions {
  const offered = (operations: readonly ApiOperation[]) => operations.every((operation) => can(role, operation));
  return {
    wire: offered(NEEDS.wire),
    createNetwork: offered(NEEDS.createNetwork),
    removeNetwork: offered(NEEDS.removeNetwork),
    manageUsers: offered(NEEDS.manageUsers),
    manageEngines: offered(NEEDS.manageEngines),
  };
}
