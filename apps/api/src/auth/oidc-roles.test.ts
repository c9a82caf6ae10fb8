import { describe, expect, it } from 'vitest';
import { parseGroupRoles, rolesFromGroups } from './oidc-roles.js';

const rules = parseGroupRoles(
  'bb-admins=admin, ops=operator, ops@staging=operator, auditors=viewer, auditors@prod=none, release@prod=admin',
);

describe('parseGroupRoles', () => {
  it('reads group=role and group@engine=role', () => {
    expect(parseGroupRoles('bb-admins=admin,ops@staging=operator')).toEqual([
      { group: 'bb-admins', engine: null, role: 'admin' },
      { group: 'ops', engine: 'staging', role: 'operator' },
    ]);
  });
  it.each(['ops', 'ops=root', '=admin', 'ops=none', 'ops@Bad Engine=operator'])('refuses %j, naming it', (text) => {
    expect(() => parseGroupRoles(text)).toThrow(text.split(',')[0] ?? text);
  });
});

describe('rolesFromGroups', () => {
  it('gives the highest role of the groups the user is in', () => {
    expect(rolesFromGroups(rules, ['ops', 'bb-admins'])).toEqual({ role: 'admin', engineRoles: {} });
    expect(rolesFromGroups(rules, ['auditors'])).toEqual({ role: 'viewer', engineRoles: { prod: 'none' } });
  });
  it('an engine rule raises the role on its engine, never lowers it, and none hides the engine', () => {
    expect(rolesFromGroups(rules, ['auditors', 'release'])).toEqual({ role: 'viewer', engineRoles: { prod: 'admin' } });
    // ops@staging=operator adds nothing to ops=operator; nor to an admin.
    expect(rolesFromGroups(rules, ['ops'])).toEqual({ role: 'operator', engineRoles: {} });
    expect(rolesFromGroups(rules, ['bb-admins', 'ops'])).toEqual({ role: 'admin', engineRoles: {} });
  });
  it('only engine rules matched: viewer elsewhere, or the default role', () => {
    const scoped = parseGroupRoles('ops@staging=operator');
    expect(rolesFromGroups(scoped, ['ops'])).toEqual({ role: 'viewer', engineRoles: { staging: 'operator' } });
  });
  it('no mapped group: null (refused), or the default role when one is set', () => {
    expect(rolesFromGroups(rules, ['marketing'])).toBeNull();
    expect(rolesFromGroups(rules, [])).toBeNull();
    expect(rolesFromGroups(rules, ['marketing'], 'viewer')).toEqual({ role: 'viewer', engineRoles: {} });
  });
});
