import type { EngineRoles } from '@bridgeboard/contract';
import { ENGINE_ROLES } from '@bridgeboard/contract';

/** The stored `{ engine: role }` JSON, with anything that is not a role (or `none`) left out (the column is ours, but a hand edit is not). */
export function engineRolesOf(text: string): EngineRoles {
  const parsed: unknown = JSON.parse(text);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
  const roles: EngineRoles = {};
  for (const [engine, role] of Object.entries(parsed)) {
    if ((ENGINE_ROLES as readonly unknown[]).includes(role)) roles[engine] = role as EngineRoles[string];
  }
  return roles;
}

/** The stored JSON list of a user's provider groups; anything that is not a string is left out. */
export function groupsOf(text: string): string[] {
  const parsed: unknown = JSON.parse(text);
  return Array.isArray(parsed) ? parsed.filter((g): g is string => typeof g === 'string') : [];
}
