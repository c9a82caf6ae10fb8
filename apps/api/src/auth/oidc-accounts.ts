import { USERNAME_PATTERN } from '@bridgeboard/contract';
import type { GrantStore } from './grant-store.js';
import type { ProviderIdentity } from './oidc-client.js';
import { OidcRefusal } from './oidc-refusal.js';
import { rolesFromGroups, type GrantedRoles } from './oidc-roles.js';
import type { OidcSettings } from './oidc-settings.js';
import type { StoredUser, UserStore } from './user-store.js';

const USERNAME = new RegExp(USERNAME_PATTERN);

/**
 * The account a provider's user signs in to, made on the first sign-in, with the roles and groups
 * its provider gives now (every sign-in: a user moved out of `bb-admins` at the provider is no
 * admin at the next one, and its group grants follow its groups). Found by issuer and subject; the
 * name is only its label, taken once. Refused: a name that does not fit ours or belongs to another
 * account (a local one above all: SSO must not take over the break-glass admin), no group that a
 * rule or a grant names, an account an admin disabled.
 */
export async function accountFor(
  users: UserStore,
  settings: Pick<OidcSettings, 'groupRoles' | 'defaultRole' | 'usernameClaim' | 'groupsClaim'>,
  identity: ProviderIdentity,
  grants: Pick<GrantStore, 'namesAnyGroup'>,
): Promise<{ user: StoredUser; roles: GrantedRoles; before: StoredUser | null }> {
  const { issuer, subject } = identity;
  const before = users.findByOidc(issuer, subject);
  const username = before?.username ?? nameOf(identity.username, settings.usernameClaim);
  if (before?.disabled) throw new OidcRefusal('disabled', `${username} is disabled by an admin`, username);
  // A group with grants but no role rule signs in as a viewer: its grants say what more it may do.
  const roles =
    rolesFromGroups(settings.groupRoles, identity.groups, settings.defaultRole) ??
    (grants.namesAnyGroup(identity.groups) ? { role: 'viewer' as const, engineRoles: {} } : null);
  if (!roles) {
    const groups = identity.groups.length > 0 ? identity.groups.join(', ') : 'none';
    throw new OidcRefusal(
      'no-role',
      `${username} is in no group that OIDC_GROUP_ROLES maps to a role or a grant names (claim '${settings.groupsClaim}': ${groups})`,
      username,
    );
  }
  if (before) {
    users.setRoles(username, roles);
    users.setGroups(username, identity.groups);
    return { user: users.find(username) ?? before, roles, before };
  }
  const taken = users.find(username);
  if (taken) {
    throw new OidcRefusal(
      taken.source === 'local' ? 'local-account' : 'username',
      taken.source === 'local'
        ? `a local account is named ${username}: SSO does not sign in to it (an admin may rename or remove it)`
        : `${username} is the name of another single sign-on identity`,
      username,
    );
  }
  const created = await users.createFromOidc(username, { issuer, subject }, roles);
  // Another request took the name meanwhile.
  if (!created) throw new OidcRefusal('username', `${username} was taken during the sign-in`, username);
  users.setGroups(username, identity.groups);
  return { user: users.find(username) ?? created, roles, before: null };
}

function nameOf(claim: unknown, claimName: string): string {
  if (typeof claim !== 'string' || claim === '')
    throw new OidcRefusal('username', `the ID token and userinfo carry no '${claimName}' claim`);
  const name = claim.toLowerCase();
  if (!USERNAME.test(name)) {
    throw new OidcRefusal(
      'username',
      `'${claimName}' is '${claim.slice(0, 64)}', which is no Bridgeboard user name (${USERNAME_PATTERN}): set OIDC_USERNAME_CLAIM to another claim`,
    );
  }
  return name;
}
