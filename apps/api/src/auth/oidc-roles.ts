import { ROLES, roleAtLeast, type EngineRole, type EngineRoles, type Role } from '@bridgeboard/contract';

/**
 * One line of `OIDC_GROUP_ROLES`: members of `group` get `role`, everywhere or, with `engine`, on
 * that engine only. The later slice of issue 15 (grants on network patterns) replaces these rules
 * and `rolesFromGroups` with grants; the sign-in code only asks for `{ role, engineRoles }`.
 */
export interface GroupRole {
  group: string;
  engine: string | null;
  /** `none` only on one engine: members see nothing of it, whatever else they are given. */
  role: EngineRole;
}

export interface GrantedRoles {
  role: Role;
  engineRoles: EngineRoles;
}

const RULE = /^([^=@\s]+)(?:@([a-z0-9][a-z0-9_-]{0,31}))?=(viewer|operator|admin|none)$/;

/** `bb-admins=admin,ops=operator,ops@staging=operator`; throws with the bad entry named. */
export function parseGroupRoles(text: string): GroupRole[] {
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const match = RULE.exec(entry);
      if (!match)
        throw new Error(`'${entry}' is not group=role or group@engine=role (role: viewer, operator, admin; none only with @engine)`);
      const [, group = '', engine, role = 'viewer'] = match;
      if (role === 'none' && engine === undefined) throw new Error(`'${entry}': none is for one engine only (group@engine=none)`);
      return { group, engine: engine ?? null, role: role as EngineRole };
    });
}

/** The rules back in `OIDC_GROUP_ROLES`' syntax (what `GET /api/settings/oidc` shows). */
export function groupRolesText(rules: readonly GroupRole[]): string {
  return rules.map((r) => `${r.group}${r.engine === null ? '' : `@${r.engine}`}=${r.role}`).join(',');
}

const rank = (role: EngineRole) => (role === 'none' ? -1 : ROLES.indexOf(role));
const higher = (a: EngineRole | undefined, b: EngineRole): EngineRole => (a === undefined || rank(b) > rank(a) ? b : a);

/**
 * The roles a provider's groups give, or null when no rule names any of them (the caller refuses
 * the sign-in unless a default role is set). The default role is the highest of the rules without
 * an engine, else `defaultRole`, else viewer when only engine rules matched. An engine rule raises
 * the role on its engine (a lower one is dropped: it would take away what the default gives) or,
 * with `none`, hides the engine.
 */
export function rolesFromGroups(
  rules: readonly GroupRole[],
  groups: readonly string[],
  defaultRole: Role | null = null,
): GrantedRoles | null {
  const member = new Set(groups);
  const matched = rules.filter((r) => member.has(r.group));
  if (matched.length === 0) return defaultRole === null ? null : { role: defaultRole, engineRoles: {} };
  let role: EngineRole | undefined;
  const perEngine = new Map<string, EngineRole>();
  for (const rule of matched) {
    if (rule.engine === null) role = higher(role, rule.role);
    else perEngine.set(rule.engine, higher(perEngine.get(rule.engine), rule.role));
  }
  const base: Role = role === undefined || role === 'none' ? (defaultRole ?? 'viewer') : role;
  const engineRoles: EngineRoles = {};
  for (const [engine, engineRole] of perEngine) {
    if (engineRole === 'none' || !roleAtLeast(base, engineRole)) engineRoles[engine] = engineRole;
  }
  return { role: base, engineRoles };
}
