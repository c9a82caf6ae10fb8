import { Type, type Static } from 'typebox';
import { EngineRoleSchema, RoleSchema } from './roles.js';
import { EngineRef } from './engines.js';
import { LABEL_KEY_PATTERN } from './patterns.js';

/**
 * Grants (issue 15): a role over a scope, given to an account, to a provider group (its members,
 * as of their last sign-in) or to an API token. Grants add up, with each other and with the
 * account's own role and per-engine roles; none takes anything away.
 */
export const GRANT_SUBJECT_KINDS = ['user', 'group', 'token'] as const;
export type GrantSubjectKind = (typeof GRANT_SUBJECT_KINDS)[number];

/** A group name as providers send them: Keycloak's paths (`/payments`), Entra's ids, Authentik's names. */
export const GROUP_NAME_PATTERN = '^[^\\s,][^,]{0,127}$';

export const GrantSubjectSchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('user'), Type.Literal('group'), Type.Literal('token')]),
    /** A user name, a group name, or a token's id. */
    name: Type.String({ minLength: 1, maxLength: 128, pattern: GROUP_NAME_PATTERN }),
  },
  { additionalProperties: false },
);
export type GrantSubject = Static<typeof GrantSubjectSchema>;

/** `team=payments`: networks whose label `team` is `payments`. */
export const LABEL_SELECTOR_PATTERN = `${LABEL_KEY_PATTERN.slice(0, -1)}=.{0,256}$`;
/** `payments-*`: a network name in which `*` stands for any run of characters. */
export const NETWORK_NAME_GLOB_PATTERN = '^[a-zA-Z0-9*][a-zA-Z0-9_.*-]{0,127}$';

/**
 * Where a grant holds: every engine, one engine, or on one engine the networks that carry a label
 * or whose name matches a pattern. A network grant also lets its holder see that engine (its board),
 * as a viewer.
 */
export const GrantScopeSchema = Type.Union([
  Type.Object({ kind: Type.Literal('all') }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('engine'), engine: EngineRef }, { additionalProperties: false }),
  Type.Object(
    { kind: Type.Literal('label'), engine: EngineRef, label: Type.String({ pattern: LABEL_SELECTOR_PATTERN, maxLength: 386 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    { kind: Type.Literal('name'), engine: EngineRef, pattern: Type.String({ pattern: NETWORK_NAME_GLOB_PATTERN, maxLength: 128 }) },
    { additionalProperties: false },
  ),
]);
export type GrantScope = Static<typeof GrantScopeSchema>;

export const GrantSchema = Type.Object({
  id: Type.String(),
  subject: GrantSubjectSchema,
  role: RoleSchema,
  scope: GrantScopeSchema,
  createdBy: Type.String(),
  createdAt: Type.String(),
});
export type Grant = Static<typeof GrantSchema>;

export const GrantList = Type.Object({ grants: Type.Array(GrantSchema) });
export type GrantList = Static<typeof GrantList>;

export const GrantCreateBody = Type.Object(
  { subject: GrantSubjectSchema, role: RoleSchema, scope: GrantScopeSchema },
  { additionalProperties: false },
);
export type GrantCreateBody = Static<typeof GrantCreateBody>;

export const GrantParams = Type.Object({ id: Type.String({ pattern: '^[a-f0-9]{16}$' }) });

/** What a caller carries of a grant: enough to decide and to say which grant decided. */
export const GrantRuleSchema = Type.Object({ id: Type.String(), subject: GrantSubjectSchema, role: RoleSchema, scope: GrantScopeSchema });
export type GrantRule = Static<typeof GrantRuleSchema>;

/** Where one network gives more than its engine does. */
export const NetworkRightSchema = Type.Object({ network: Type.String(), role: RoleSchema, allowedBy: Type.String() });

/** What someone may do where: per engine its role and what gave it, and the networks where a grant gives more. */
export const RightsSchema = Type.Object({
  username: Type.String(),
  groups: Type.Array(Type.String()),
  role: RoleSchema,
  /** The role on what concerns no engine (users, tokens, settings), and what gave it. */
  defaultRole: RoleSchema,
  defaultAllowedBy: Type.String(),
  grants: Type.Array(GrantSchema),
  engines: Type.Array(
    Type.Object({
      engine: Type.String(),
      role: EngineRoleSchema,
      allowedBy: Type.String(),
      networks: Type.Array(NetworkRightSchema),
    }),
  ),
});
export type Rights = Static<typeof RightsSchema>;

/** "Why can't I?": may the caller (or, for an admin, a user) act as `role` on a network or an engine. */
export const AccessQuery = Type.Object(
  { role: RoleSchema, network: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })) },
  { additionalProperties: false },
);
export type AccessQuery = Static<typeof AccessQuery>;

export const AccessAnswer = Type.Object({
  allowed: Type.Boolean(),
  /** The role held there, and what gave it. */
  role: EngineRoleSchema,
  allowedBy: Type.String(),
  /** When not allowed: what is missing, naming the grant to ask for. */
  missing: Type.Union([Type.String(), Type.Null()]),
});
export type AccessAnswer = Static<typeof AccessAnswer>;
