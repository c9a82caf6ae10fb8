import { Type, type Static } from 'typebox';
import { NullableString } from './common.js';
import { RoleSchema } from './roles.js';

/** What the sign-in page needs to offer single sign-on (`GET /api/auth/oidc`). */
export const OidcStatus = Type.Object({
  /** Whether the server has a provider configured (`OIDC_ISSUER`, or an admin's `PUT /api/settings/oidc`). */
  enabled: Type.Boolean(),
  /** The button's text (`OIDC_LABEL`); the link is `GET /api/auth/oidc/start`. */
  label: Type.String(),
});
export type OidcStatus = Static<typeof OidcStatus>;

/**
 * The sign-out answer of a session that came through single sign-on: Bridgeboard's session has
 * ended; the browser goes to `endSessionUrl` to end the provider's too (RP-initiated logout).
 */
export const SignOutAnswer = Type.Object({ endSessionUrl: Type.String() });
export type SignOutAnswer = Static<typeof SignOutAnswer>;

/**
 * `/login?error=<code>` after a refused single sign-on: the sign-in page says it in words (the
 * full reason is in the audit trail and the server log).
 * - `not-configured`: no provider is configured (OIDC_ISSUER);
 * - `unavailable`: the provider could not be reached;
 * - `state`: the sign-in expired, was already used, or was started in another browser;
 * - `provider`: the provider refused (the user cancelled, consent refused);
 * - `token`: the provider's answer failed a check (ID token signature, issuer, audience, expiry, nonce, PKCE);
 * - `username`: the user name claim is missing, not a Bridgeboard user name, or taken by another SSO identity;
 * - `no-role`: none of the user's groups is mapped to a role;
 * - `local-account`: a local (password) account already has this name;
 * - `disabled`: an admin disabled the account.
 */
export const OIDC_ERROR_CODES = [
  'not-configured',
  'unavailable',
  'state',
  'provider',
  'token',
  'username',
  'no-role',
  'local-account',
  'disabled',
] as const;
export type OidcErrorCode = (typeof OIDC_ERROR_CODES)[number];

/** Shut an account out, or let it back in (`PUT /api/users/:username/disabled`). */
export const UserDisabledBody = Type.Object({ disabled: Type.Boolean() }, { additionalProperties: false });
export type UserDisabledBody = Static<typeof UserDisabledBody>;

export const UserAccess = Type.Object({
  username: Type.String(),
  disabled: Type.Boolean(),
  /** `local`: a password; `oidc`: single sign-on only. */
  source: Type.Union([Type.Literal('local'), Type.Literal('oidc')]),
});
export type UserAccess = Static<typeof UserAccess>;

/**
 * The provider's settings as an admin may set them (`PUT /api/settings/oidc`), the `OIDC_*`
 * environment settings' counterparts. `groupRoles` is `OIDC_GROUP_ROLES`' syntax
 * (`bb-admins=admin,ops=operator,ops@staging=operator`).
 */
const providerFields = {
  issuer: Type.String({ minLength: 1, maxLength: 2048 }),
  clientId: Type.String({ minLength: 1, maxLength: 256 }),
  scopes: Type.Array(Type.String({ minLength: 1, maxLength: 128, pattern: '^\\S+$' }), { minItems: 1, maxItems: 32 }),
  groupsClaim: Type.String({ minLength: 1, maxLength: 128 }),
  usernameClaim: Type.String({ minLength: 1, maxLength: 128 }),
  groupRoles: Type.String({ maxLength: 8192 }),
  defaultRole: Type.Union([RoleSchema, Type.Null()]),
  label: Type.String({ minLength: 1, maxLength: 64 }),
};

/** Where the provider in use comes from; null: single sign-on is off. The environment wins over an admin's. */
export const OidcSource = Type.Union([Type.Literal('environment'), Type.Literal('admin'), Type.Null()]);
export type OidcSource = Static<typeof OidcSource>;

/** Set or replace the provider; without `clientSecret`, the stored one is kept (it is never sent back). */
export const OidcSettingsBody = Type.Object(
  { ...providerFields, clientSecret: Type.Optional(Type.String({ minLength: 1, maxLength: 4096 })) },
  { additionalProperties: false },
);
export type OidcSettingsBody = Static<typeof OidcSettingsBody>;

/**
 * The provider in use (`GET /api/settings/oidc`), never its secret; with no provider, the defaults
 * the environment path has and an empty issuer and client id.
 */
export const OidcSettingsView = Type.Object({
  source: OidcSource,
  issuer: Type.String(),
  clientId: Type.String(),
  scopes: Type.Array(Type.String()),
  groupsClaim: Type.String(),
  usernameClaim: Type.String(),
  groupRoles: Type.String(),
  defaultRole: Type.Union([RoleSchema, Type.Null()]),
  label: Type.String(),
  /** Whether a client secret is stored (it is never shown again). */
  secretSet: Type.Boolean(),
  /** What to register with the provider as the redirect URI; null without PUBLIC_URL (needed for single sign-on). */
  redirectUri: NullableString,
  /** Whether BRIDGEBOARD_SECRET_KEY is set: without it the server cannot keep a secret, so an admin cannot save a provider. */
  secretKeySet: Type.Boolean(),
});
export type OidcSettingsView = Static<typeof OidcSettingsView>;
