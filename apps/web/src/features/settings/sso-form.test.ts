import { describe, expect, it } from 'vitest';
import type { OidcSettingsView } from '@bridgeboard/contract';
import { bodyOf, formOf, refusalOf } from './sso-form';

const view: OidcSettingsView = {
  source: 'admin',
  issuer: 'https://id.example.com/realms/ops',
  clientId: 'bridgeboard',
  scopes: ['openid', 'profile', 'groups'],
  groupsClaim: 'groups',
  usernameClaim: 'preferred_username',
  groupRoles: 'bb-admins=admin,ops=operator',
  defaultRole: null,
  label: 'Sign in with SSO',
  secretSet: true,
  redirectUri: 'https://bridgeboard.example.com/api/auth/oidc/callback',
  secretKeySet: true,
};

describe('the single sign-on form', () => {
  it('starts from the server’s settings, never with a secret', () => {
    expect(formOf(view)).toEqual({
      issuer: 'https://id.example.com/realms/ops',
      clientId: 'bridgeboard',
      clientSecret: '',
      scopes: 'openid profile groups',
      groupsClaim: 'groups',
      usernameClaim: 'preferred_username',
      groupRoles: 'bb-admins=admin,ops=operator',
      defaultRole: '',
      label: 'Sign in with SSO',
    });
  });

  it('sends no secret when the field is left empty and one is stored (the server keeps it)', () => {
    const checked = bodyOf(formOf(view), true);
    expect(checked).toEqual({
      body: {
        issuer: 'https://id.example.com/realms/ops',
        clientId: 'bridgeboard',
        scopes: ['openid', 'profile', 'groups'],
        groupsClaim: 'groups',
        usernameClaim: 'preferred_username',
        groupRoles: 'bb-admins=admin,ops=operator',
        defaultRole: null,
        label: 'Sign in with SSO',
      },
    });
  });

  it('sends a typed secret, scopes split on spaces or commas, and a default role', () => {
    const checked = bodyOf({ ...formOf(view), clientSecret: 's3cret', scopes: 'openid, email  groups', defaultRole: 'viewer' }, true);
    expect(checked).toMatchObject({ body: { clientSecret: 's3cret', scopes: ['openid', 'email', 'groups'], defaultRole: 'viewer' } });
  });

  it('names the fields to fix before asking the server', () => {
    const empty = { ...formOf({ ...view, issuer: '', clientId: '' }), scopes: 'profile', groupRoles: ' ' };
    const checked = bodyOf(empty, false);
    expect('errors' in checked && Object.keys(checked.errors).sort()).toEqual([
      'clientId',
      'clientSecret',
      'groupRoles',
      'issuer',
      'scopes',
    ]);
    // A role for everyone else is enough without group rules.
    expect(bodyOf({ ...formOf(view), groupRoles: '', defaultRole: 'viewer' }, true)).toHaveProperty('body');
  });

  it('puts the server’s refusal under the field it names', () => {
    expect(refusalOf("body/clientSecret: the provider at https://id.example.com/ refused client 'x'")).toEqual({
      field: 'clientSecret',
      text: "the provider at https://id.example.com/ refused client 'x'",
    });
    expect(refusalOf("body/issuer 'id.example.com' is not a URL")).toEqual({ field: 'issuer', text: "'id.example.com' is not a URL" });
    expect(refusalOf('body/scopes/0 must match pattern "^\\S+$"')).toMatchObject({ field: 'scopes' });
    const environment = "single sign-on is configured by the server's environment";
    expect(refusalOf(environment)).toEqual({ field: null, text: environment });
    expect(refusalOf('body/constructor is odd')).toEqual({ field: null, text: 'body/constructor is odd' });
  });
});
