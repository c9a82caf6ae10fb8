import { roleAtLeast, type Role } from '@bridgeboard/contract';

/** What the UI offers to a role. The server checks every request anyway; this only hides what would be refused. */
export interface Permissions {
  /** Connect, disconnect and move containers. */
  wire: boolean;
  createNetwork: boolean;
  removeNetwork: boolean;
  manageUsers: boolean;
}

export function permissionsOf(role: Role): Permissions {
  return {
    wire: roleAtLeast(role, 'operator'),
    createNetwork: roleAtLeast(role, 'operator'),
    removeNetwork: roleAtLeast(role, 'admin'),
    manageUsers: roleAtLeast(role, 'admin'),
  };
}
