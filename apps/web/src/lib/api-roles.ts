/**
 * Who may call each operation of the API, by its operationId: `public` (no credential), or the least
 * role. Generated from each operation's `x-role` in the API's OpenAPI document, which states each
 * route's own declaration (`config.role` / `config.public`), by
 * `npm run api-types -w @bridgeboard/api` (apps/api/scripts/api-types.ts): do not edit by hand.
 */
import type { Role } from '@bridgeboard/contract';
import type { operations } from './api-schema';

export const API_ROLES = {
  addEngine: 'admin',
  applyMigration: 'operator',
  applyNetworkEdit: 'operator',
  connectContainer: 'operator',
  createFirstAdmin: 'public',
  createGrant: 'admin',
  createNetwork: 'operator',
  createToken: 'admin',
  createUser: 'admin',
  deleteUser: 'admin',
  disconnectContainer: 'operator',
  explainMyAccess: 'viewer',
  explainUserAccess: 'admin',
  exportTopology: 'viewer',
  finishOidcSignIn: 'public',
  getContainerWire: 'viewer',
  getExposure: 'viewer',
  getHealth: 'public',
  getHostFacts: 'viewer',
  getMe: 'viewer',
  getMetrics: 'viewer',
  getOidcSettings: 'admin',
  getOidcStatus: 'public',
  getOpenApiDocument: 'public',
  getReachability: 'viewer',
  getReachabilityAcrossNodes: 'viewer',
  getReadiness: 'public',
  getSettings: 'viewer',
  getSetupStatus: 'public',
  getTopology: 'viewer',
  getUserRights: 'admin',
  listAuditEntries: 'viewer',
  listEngines: 'viewer',
  listGrants: 'admin',
  listTokens: 'admin',
  listUsers: 'admin',
  planMigration: 'viewer',
  planNetworkEdit: 'viewer',
  probeReachability: 'operator',
  removeEngine: 'admin',
  removeGrant: 'admin',
  removeNetwork: 'admin',
  removeOidcSettings: 'admin',
  revokeToken: 'admin',
  setUserDisabled: 'admin',
  signIn: 'public',
  signOut: 'viewer',
  startOidcSignIn: 'public',
  testEngine: 'admin',
  updateEngine: 'admin',
  updateOidcSettings: 'admin',
  updateSettings: 'admin',
  updateUser: 'admin',
} as const satisfies Record<keyof operations, Role | 'public'>;

/** An operation of the API, by its operationId. */
export type ApiOperation = keyof typeof API_ROLES;
