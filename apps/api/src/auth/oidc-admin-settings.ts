import type { OidcSettingsBody } from '@bridgeboard/contract';
import { providerIssuer } from './oidc-issuer.js';
import { BridgeboardError } from '../errors.js';
import { groupRolesText, parseGroupRoles } from './oidc-roles.js';
import type { OidcSettings } from './oidc-settings.js';

/** An admin's provider settings as stored beside the sealed secret, and as `GET /api/settings/oidc` shows them. */
export type OidcFields = Omit<OidcSettingsBody, 'clientSecret'>;

/** The environment path's defaults (config.ts), shown in the form when no provider is set. */
export const DEFAULT_FIELDS: OidcFields = {
  issuer: '',
  clientId: '',
  scopes: ['openid', 'profile', 'email', 'groups'],
  groupsClaim: 'groups',
  usernameClaim: 'preferred_username',
  groupRoles: '',
  defaultRole: null,
  label: 'Sign in with SSO',
};

/**
 * The settings the sign-in uses, from an admin's fields: checked as `oidcSettingsOf` checks the
 * `OIDC_*` settings, each refusal naming the body's field.
 */
export function settingsOfFields(
  fields: OidcFields,
  clientSecret: string,
  redirects: Pick<OidcSettings, 'redirectUri' | 'postLogoutRedirectUri'>,
): OidcSettings {
  const issuer = providerIssuer(fields.issuer);
  if (typeof issuer === 'string') throw new BridgeboardError('invalid', `body/issuer ${issuer}`);
  if (!fields.scopes.includes('openid')) throw new BridgeboardError('invalid', 'body/scopes must include openid');
  let groupRoles;
  try {
    groupRoles = parseGroupRoles(fields.groupRoles);
  } catch (err) {
    throw new BridgeboardError('invalid', `body/groupRoles: ${(err as Error).message}`);
  }
  return {
    issuer,
    clientId: fields.clientId,
    clientSecret,
    ...redirects,
    scopes: fields.scopes,
    groupsClaim: fields.groupsClaim,
    usernameClaim: fields.usernameClaim,
    groupRoles,
    defaultRole: fields.defaultRole,
    label: fields.label,
  };
}

/** The fields of settings in use (the environment's), without the secret. */
export function fieldsOfSettings(settings: OidcSettings): OidcFields {
  return {
    issuer: settings.issuer.href,
    clientId: settings.clientId,
    scopes: settings.scopes,
    groupsClaim: settings.groupsClaim,
    usernameClaim: settings.usernameClaim,
    groupRoles: groupRolesText(settings.groupRoles),
    defaultRole: settings.defaultRole,
    label: settings.label,
  };
}
