import { describe, expect, it } from 'vitest';
import { permissionsOf } from './permissions';

describe('permissionsOf', () => {
  it('lets a viewer only look', () => {
    expect(permissionsOf('viewer')).toEqual({ wire: false, createNetwork: false, removeNetwork: false, manageUsers: false });
  });
  it('lets an operator wire and create, not remove or manage', () => {
    expect(permissionsOf('operator')).toEqual({ wire: true, createNetwork: true, removeNetwork: false, manageUsers: false });
  });
  it('lets an admin do everything', () => {
    expect(Object.values(permissionsOf('admin')).every(Boolean)).toBe(true);
  });
});
