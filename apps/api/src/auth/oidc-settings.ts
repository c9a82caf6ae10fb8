import type { Role } from '@bridgeboard/contract';
import type { GroupRole } from './oidc-roles.js';

/** Single sign-on, as `oidcSettingsOf` (config.ts) validated it from the `OIDC_*` settings. */
export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** `<PUBLIC_URL>/api/auth/oidc/callback`: register exactly this with the provider. */
  redirectUri: string;
  /** Where the provider sends the browser after its own sign-out: the sign-in page. */
  postLogoutRedirectUri: string;
  scopes: string[];
  groupsClaim: string;
  usernameClaim: string;
  groupRoles: GroupRole[];
  defaultRole: Role | null;
  label: string;
}
