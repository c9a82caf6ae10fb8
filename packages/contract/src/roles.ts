import { Type, type Static } from 'typebox';
import { ENGINE_ID_PATTERN } from './engines.js';

/**
 * Who may do what. Each role can do everything the one before it can:
 * a viewer sees everything, an operator also connects containers and creates networks,
 * an admin also removes networks and manages users and tokens.
 */
export const ROLES = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** `none`: on one engine only, no access at all — the engine is not listed, followed or answered. */
export const ENGINE_ROLES = ['none', ...ROLES] as const;
export type EngineRole = (typeof ENGINE_ROLES)[number];

export function roleAtLeast(role: EngineRole, needed: Role): boolean {
  return role !== 'none' && ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export const RoleSchema = Type.Union([Type.Literal('viewer'), Type.Literal('operator'), Type.Literal('admin')]);

/**
 * A role per engine, over the default `role` (viewer everywhere, operator on staging): by engine
 * id. An engine not listed gets the default role. Users, tools and admin routes of the fleet
 * itself (users, tokens, settings, adding engines) follow the default role alone.
 */
export const EngineRoleSchema = Type.Union([Type.Literal('none'), RoleSchema]);
export const EngineRolesSchema = Type.Record(Type.String({ pattern: ENGINE_ID_PATTERN }), EngineRoleSchema, { maxProperties: 256 });
export type EngineRoles = Static<typeof EngineRolesSchema>;
