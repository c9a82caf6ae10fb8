import { ROLES } from '@bridgeboard/contract';

export const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: r }));

/** What each role may do, in one line, for the forms that pick one. */
export const ROLE_HINT =
  'viewer: sees everything · operator: also connects containers and creates networks · admin: also removes networks, manages users and tokens';
