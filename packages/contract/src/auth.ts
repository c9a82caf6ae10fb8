import { Type, type Static } from 'typebox';
import { GrantRuleSchema } from './grants.js';
import { EngineRolesSchema, RoleSchema } from './roles.js';

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
  /** Grants to the user, its provider groups or the token: with the roles, what it may do where (rights.ts). */
  grants: Type.Array(GrantRuleSchema),
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

/**
 * The only time the secret is shown; the server keeps a hash. An Interface (TypeBox's `extends`)
 * rather than a spread of `ApiTokenSchema.properties`: a bundler keeps a property read (it could
 * run a getter), and with it TypeBox, in every web chunk that imports this file (issue 13).
 */
export const TokenCreated = Type.Interface([ApiTokenSchema], { token: Type.String() });
export type TokenCreated = Static<typeof TokenCreated>;

export const TokenParams = Type.Object({ id: Type.String({ pattern: '^[a-f0-9]{16}$' }) });
