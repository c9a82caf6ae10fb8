import { ROLES } from '@bridgeboard/contract';
import { describe, expect, it } from 'vitest';
import { API_ROLES, type ApiOperation } from '../../lib/api-roles';
import { can, permissionsOf } from './permissions';

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
      manageEngines: false,
    });
  });
  it('lets an operator connect and create, not remove or manage', () => {
    expect(permissionsOf('operator')).toEqual({
      connect: true,
      createNetwork: true,
      removeNetwork: false,
      manageUsers: false,
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
