import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, oidcSettingsOf } from '../config.js';

const sso = {
  OIDC_ISSUER: 'https://id.example.com/realms/ops',
  OIDC_CLIENT_ID: 'bridgeboard',
  OIDC_CLIENT_SECRET: 'secret',
  OIDC_GROUP_ROLES: 'bb-admins=admin,ops=operator',
  PUBLIC_URL: 'https://bridgeboard.example.com',
};

describe('OIDC settings', () => {
  it('none without OIDC_ISSUER', () => {
    expect(oidcSettingsOf(loadConfig({}))).toBeNull();
  });
  it('reads them, with the documented defaults and the callback under PUBLIC_URL', () => {
    expect(oidcSettingsOf(loadConfig(sso))).toMatchObject({
      clientId: 'bridgeboard',
      redirectUri: 'https://bridgeboard.example.com/api/auth/oidc/callback',
      postLogoutRedirectUri: 'https://bridgeboard.example.com/login',
      scopes: ['openid', 'profile', 'email', 'groups'],
      groupsClaim: 'groups',
      usernameClaim: 'preferred_username',
      defaultRole: null,
      label: 'Sign in with SSO',
    });
  });
  it('reads the secret from OIDC_CLIENT_SECRET_FILE', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bb-oidc-'));
    try {
      writeFileSync(join(dir, 'secret'), 'from-file\n');
      const { OIDC_CLIENT_SECRET: _, ...rest } = sso;
      expect(oidcSettingsOf(loadConfig({ ...rest, OIDC_CLIENT_SECRET_FILE: join(dir, 'secret') }))?.clientSecret).toBe('from-file');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it.each([
    [{ OIDC_ISSUER: undefined }, /OIDC_CLIENT_ID, OIDC_CLIENT_SECRET set without OIDC_ISSUER/],
    [{ OIDC_ISSUER: 'id.example.com' }, /OIDC_ISSUER 'id.example.com' is not a URL/],
    [{ OIDC_ISSUER: 'http://id.example.com' }, /must be https/],
    [{ OIDC_CLIENT_ID: undefined }, /set OIDC_CLIENT_ID/],
    [{ OIDC_CLIENT_SECRET: undefined }, /OIDC_CLIENT_SECRET or OIDC_CLIENT_SECRET_FILE/],
    [{ OIDC_CLIENT_SECRET_FILE: '/nonexistent/secret' }, /not both/],
    [{ PUBLIC_URL: undefined }, /set PUBLIC_URL too/],
    [{ OIDC_SCOPES: 'profile groups' }, /must include openid/],
    [{ OIDC_GROUP_ROLES: 'ops=root' }, /OIDC_GROUP_ROLES: 'ops=root'/],
  ])('refuses %j at start, naming the setting', (change, message) => {
    expect(() => loadConfig({ ...sso, ...change })).toThrow(message);
  });
  it('takes a provider with no group rule and no default role: grants to its groups decide who signs in', () => {
    expect(oidcSettingsOf(loadConfig({ ...sso, OIDC_GROUP_ROLES: '' }))?.groupRoles).toEqual([]);
  });
  it('lets plain http through for a provider on this machine only', () => {
    expect(oidcSettingsOf(loadConfig({ ...sso, OIDC_ISSUER: 'http://127.0.0.1:9000' }))?.issuer.href).toBe('http://127.0.0.1:9000/');
  });
});
