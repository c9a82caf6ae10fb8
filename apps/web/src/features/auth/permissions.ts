import { defaultAccess, roleAtLeast, roleOn, type EngineRole, type Holder } from '@bridgeboard/contract';
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
  /** The Rights page: grants, and what they add up to for a user. */
  manageGrants: ['listGrants', 'createGrant', 'removeGrant', 'getUserRights', 'explainUserAccess'],
  /** The Engines page's Add, Edit and Remove. */
  manageEngines: ['testEngine', 'addEngine', 'updateEngine', 'removeEngine'],
} as const satisfies Record<string, readonly ApiOperation[]>;

/** What the UI offers to a role. It only hides or greys out what the server would refuse. */
export type Permissions = Record<keyof typeof NEEDS, boolean>;

/**
 * `role` is the default role (what concerns no engine: users, tokens, engines themselves);
 * `onEngine` the role on the engine the page shows (what changes that engine), as the server checks them.
 */
export function permissionsOf(role: EngineRole, onEngine: EngineRole = role): Permissions {
  const offered = (as: EngineRole, operations: readonly ApiOperation[]) => operations.every((operation) => can(as, operation));
  return {
    connect: offered(onEngine, NEEDS.connect),
    createNetwork: offered(onEngine, NEEDS.createNetwork),
    removeNetwork: offered(onEngine, NEEDS.removeNetwork),
    manageUsers: offered(role, NEEDS.manageUsers),
    manageGrants: offered(role, NEEDS.manageGrants),
    manageEngines: offered(role, NEEDS.manageEngines),
  };
}

/**
 * What the UI offers `who` on `engine`, with its grants counted as the server's guard counts them:
 * a grant on all engines raises the default role too (users, tokens, engines), not only the role on
 * each engine. The role passed to `permissionsOf` as `user.role` alone would miss it.
 */
export const permissionsFor = (who: Holder, engine: string): Permissions => permissionsOf(defaultAccess(who).role, roleOn(who, engine));
