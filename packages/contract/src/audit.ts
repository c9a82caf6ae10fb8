import { Type, type Static } from 'typebox';
import { EngineRoleSchema } from './roles.js';
import { NullableString } from './common.js';

export const AUDIT_ACTIONS = [
  'network.create',
  'network.remove',
  'network.connect',
  'network.disconnect',
  'auth.setup',
  'auth.login',
  'auth.logout',
  'user.create',
  'user.update',
  'user.remove',
  'token.create',
  'token.revoke',
  'settings.update',
  'probe.run',
  'migration.apply',
  'network.edit',
  'engine.add',
  'engine.update',
  'engine.remove',
  'grant.create',
  'grant.remove',
  'sso.update',
  'sso.remove',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const AuditActionSchema = Type.Union([
  Type.Literal('network.create'),
  Type.Literal('network.remove'),
  Type.Literal('network.connect'),
  Type.Literal('network.disconnect'),
  Type.Literal('auth.setup'),
  Type.Literal('auth.login'),
  Type.Literal('auth.logout'),
  Type.Literal('user.create'),
  Type.Literal('user.update'),
  Type.Literal('user.remove'),
  Type.Literal('token.create'),
  Type.Literal('token.revoke'),
  Type.Literal('settings.update'),
  Type.Literal('probe.run'),
  Type.Literal('migration.apply'),
  Type.Literal('network.edit'),
  Type.Literal('engine.add'),
  Type.Literal('engine.update'),
  Type.Literal('engine.remove'),
  Type.Literal('grant.create'),
  Type.Literal('grant.remove'),
  Type.Literal('sso.update'),
  Type.Literal('sso.remove'),
]);

/** `ok` it was done; `refused` Bridgeboard said no (auth, role, bad input); `failed` the engine said no. */
export const AUDIT_RESULTS = ['ok', 'refused', 'failed'] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];
export const AuditResultSchema = Type.Union([Type.Literal('ok'), Type.Literal('refused'), Type.Literal('failed')]);

export const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  /** Null when nobody was signed in (a refused request, a failed sign-in by an unknown name). */
  user: NullableString,
  role: Type.Union([EngineRoleSchema, Type.Null()]),
  /** What allowed it: the caller's own role or a grant (rights.ts `describeBasis`); null when refused before that. */
  allowedBy: NullableString,
  action: AuditActionSchema,
  /** The engine acted on; null for what concerns no engine (sign-in, users, tokens, settings). */
  engine: NullableString,
  network: NullableString,
  container: NullableString,
  /** The request's parameters; passwords and tokens are never kept. */
  params: Type.Record(Type.String(), Type.Unknown()),
  result: AuditResultSchema,
  statusCode: Type.Integer(),
  error: NullableString,
  client: Type.String(),
});
export type AuditEntry = Static<typeof AuditEntrySchema>;

export const AuditQuery = Type.Object(
  {
    user: Type.Optional(Type.String({ maxLength: 64 })),
    engine: Type.Optional(Type.String({ maxLength: 32 })),
    network: Type.Optional(Type.String({ maxLength: 128 })),
    container: Type.Optional(Type.String({ maxLength: 128 })),
    action: Type.Optional(AuditActionSchema),
    result: Type.Optional(AuditResultSchema),
    /** Entries older than this id: the next page is `before=<last id of this page>`. */
    before: Type.Optional(Type.Integer({ minimum: 1 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditPage = Type.Object({
  entries: Type.Array(AuditEntrySchema),
  /** Pass as `before` for the next (older) page; null at the end. */
  nextBefore: Type.Union([Type.Integer(), Type.Null()]),
});
export type AuditPage = Static<typeof AuditPage>;

// The schemas spell the lists out (TypeBox needs literal tuples to infer types); these keep them in step.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const auditSchemasMatchLists: [
  Same<Static<typeof AuditActionSchema>, AuditAction>,
  Same<Static<typeof AuditResultSchema>, AuditResult>,
] = [true, true];
