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

/** The role `who` has on `engine`: its own for that engine, else its default. */
export function roleOn(who: { role: Role; engineRoles: EngineRoles }, engine: string): EngineRole {
  return Object.hasOwn(who.engineRoles, engine) ? (who.engineRoles[engine] ?? who.role) : who.role;
}

/** Whether `who` may see `engine` at all (list it, follow it, read it). */
export const maySee = (who: { role: Role; engineRoles: EngineRoles }, engine: string): boolean => roleOn(who, engine) !== 'none';

/** Sign-in names: lower-case, short, safe in a URL and a log line. */
export const USERNAME_PATTERN = '^[a-z][a-z0-9_.-]{1,31}$';
export const Username = Type.String({ pattern: USERNAME_PATTERN, minLength: 2, maxLength: 32 });
/** Long enough to matter, short enough that hashing it is not a denial of service. */
export const PASSWORD_MIN = 10;
export const Password = Type.String({ minLength: PASSWORD_MIN, maxLength: 256 });
export const TokenName = Type.String({ pattern: '^[a-zA-Z0-9][a-zA-Z0-9 _.-]{0,63}$', minLength: 1, maxLength: 64 });

export const LoginBody = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

/** First start without `BRIDGEBOARD_ADMIN_PASSWORD`: the token printed in the server log makes the first admin. */
export const SetupBody = Type.Object(
  { setupToken: Type.String({ minLength: 1, maxLength: 128 }), username: Username, password: Password },
  { additionalProperties: false },
);
export type SetupBody = Static<typeof SetupBody>;

export const SetupStatus = Type.Object({ required: Type.Boolean() });
export type SetupStatus = Static<typeof SetupStatus>;

export const SessionUser = Type.Object({
  username: Type.String(),
  role: RoleSchema,
  engineRoles: EngineRolesSchema,
  /** `session` for a signed-in browser, `token` for a script's API token. */
  via: Type.Union([Type.Literal('session'), Type.Literal('token')]),
});
export type SessionUser = Static<typeof SessionUser>;

export const MeResponse = Type.Object({
  user: SessionUser,
  /** Send back as `x-csrf-token` on every cookie-authenticated POST/PATCH/DELETE. Null for token callers. */
  csrfToken: Type.Union([Type.String(), Type.Null()]),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
});
export type MeResponse = Static<typeof MeResponse>;

export const UserSchema = Type.Object({
  username: Type.String(),
  role: RoleSchema,
  engineRoles: EngineRolesSchema,
  createdAt: Type.String(),
  lastLoginAt: Type.Union([Type.String(), Type.Null()]),
});
export type User = Static<typeof UserSchema>;

export const UserList = Type.Object({ users: Type.Array(UserSchema) });
export type UserList = Static<typeof UserList>;

export const UserCreateBody = Type.Object({ username: Username, password: Password, role: RoleSchema }, { additionalProperties: false });
export type UserCreateBody = Static<typeof UserCreateBody>;

export const UserUpdateBody = Type.Object(
  { role: Type.Optional(RoleSchema), engineRoles: Type.Optional(EngineRolesSchema), password: Type.Optional(Password) },
  { additionalProperties: false, minProperties: 1 },
);
export type UserUpdateBody = Static<typeof UserUpdateBody>;

export const UsernameParams = Type.Object({ username: Username });

export const ApiTokenSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  engineRoles: EngineRolesSchema,
  createdBy: Type.String(),
  createdAt: Type.String(),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
});
export type ApiToken = Static<typeof ApiTokenSchema>;

export const TokenList = Type.Object({ tokens: Type.Array(ApiTokenSchema) });
export type TokenList = Static<typeof TokenList>;

export const TokenCreateBody = Type.Object(
  { name: TokenName, role: RoleSchema, engineRoles: Type.Optional(EngineRolesSchema) },
  { additionalProperties: false },
);
export type TokenCreateBody = Static<typeof TokenCreateBody>;

/** The only time the secret is shown; the server keeps a hash. */
export const TokenCreated = Type.Object({ ...ApiTokenSchema.properties, token: Type.String() });
export type TokenCreated = Static<typeof TokenCreated>;

export const TokenParams = Type.Object({ id: Type.String({ pattern: '^[a-f0-9]{16}$' }) });
