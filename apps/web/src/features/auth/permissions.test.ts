import { ROLES, type GrantRule, type GrantScope } from '@bridgeboard/contract';
import { describe, expect, it } from 'vitest';
import { API_ROLES, type ApiOperation } from '../../lib/api-roles';
import { can, permissionsFor, permissionsOf } from './permissions';

const operations = Object.keys(API_ROLES) as ApiOperation[];

describe('can', () => {
  it('follows the server’s declaration of every operation (x-role, generated into lib/api-roles.ts)', () => {
    for (const operation of operations) {
      const needed = API_ROLES[operation];
      const allowed = ROLES.filter((role) => can(role, operation));
      // Public and viewer operations are for everyone; the others from their role up.
      const expected = needed === 'public' ? ROLES : ROLES.slice(ROLES.indexOf(needed));
      expect(allowed, operation).toEqual(expected);
    }
  });

  it('refuses a viewer what changes something or runs in a container', () => {
    for (const operation of ['connectContainer', 'createNetwork', 'probeReachability', 'applyMigration', 'updateSettings'] as const) {
      expect(can('viewer', operation), operation).toBe(false);
    }
    expect(can('viewer', 'getTopology')).toBe(true);
    expect(can('viewer', 'signOut')).toBe(true);
  });

  it('keeps the admin’s operations from an operator', () => {
    for (const operation of ['removeNetwork', 'listUsers', 'createToken', 'updateSettings'] as const) {
      expect(can('operator', operation), operation).toBe(false);
      expect(can('admin', operation), operation).toBe(true);
    }
    expect(can('operator', 'probeReachability')).toBe(true);
  });
});

describe('permissionsOf', () => {
  it('lets a viewer only look', () => {
    expect(permissionsOf('viewer')).toEqual({
      connect: false,
      createNetwork: false,
      removeNetwork: false,
      manageUsers: false,
      manageGrants: false,
      manageEngines: false,
    });
  });
  it('lets an operator connect and create, not remove or manage', () => {
    expect(permissionsOf('operator')).toEqual({
      connect: true,
      createNetwork: true,
      removeNetwork: false,
      manageUsers: false,
      manageGrants: false,
      manageEngines: false,
    });
  });
  it('lets an admin do everything', () => {
    expect(Object.values(permissionsOf('admin')).every(Boolean)).toBe(true);
  });
});

describe('permissionsOf with a role per engine', () => {
  it('changes to the engine follow the role on it; users and engines the default role', () => {
    expect(permissionsOf('viewer', 'operator')).toMatchObject({
      connect: true,
      createNetwork: true,
      manageUsers: false,
      manageEngines: false,
    });
    expect(permissionsOf('admin', 'viewer')).toMatchObject({
      connect: false,
      removeNetwork: false,
      manageUsers: true,
      manageEngines: true,
    });
  });
});

describe('permissionsFor, with grants', () => {
  const grant = (role: 'viewer' | 'operator' | 'admin', scope: GrantScope): GrantRule => ({
    id: `g-${role}-${scope.kind}`,
    subject: { kind: 'group', name: 'ops' },
    role,
    scope,
  });

  it('raises the default role with a grant on all engines, as the server’s guard does', () => {
    const held = permissionsFor({ role: 'viewer', engineRoles: {}, grants: [grant('admin', { kind: 'all' })] }, 'local');
    expect(held).toMatchObject({ manageUsers: true, manageGrants: true, manageEngines: true, removeNetwork: true });
  });

  it('raises only the engine a grant on one engine names', () => {
    const who = { role: 'viewer' as const, engineRoles: {}, grants: [grant('operator', { kind: 'engine', engine: 'prod' })] };
    expect(permissionsFor(who, 'prod')).toMatchObject({ connect: true, createNetwork: true, manageUsers: false });
    expect(permissionsFor(who, 'local')).toMatchObject({ connect: false, createNetwork: false });
  });

  it('leaves a grant on some networks to the network helper: the engine stays as it was', () => {
    const who = {
      role: 'viewer' as const,
      engineRoles: {},
      grants: [grant('operator', { kind: 'label', engine: 'local', label: 'team=payments' })],
    };
    expect(permissionsFor(who, 'local')).toEqual(permissionsOf('viewer'));
  });
});
