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
