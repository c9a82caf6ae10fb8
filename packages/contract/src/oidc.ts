import { Type, type Static } from 'typebox';

/** What the sign-in page needs to offer single sign-on (`GET /api/auth/oidc`). */
export const OidcStatus = Type.Object({
  /** Whether the server has a provider configured (`OIDC_ISSUER`). */
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
