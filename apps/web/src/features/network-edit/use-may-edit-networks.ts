import { can } from '../auth/permissions';
import { useRoleHere } from '../auth/use-role-here';

/** Whether the signed-in user may apply a network edit on the engine the page shows (the server's own rule, lib/api-roles.ts). */
export const useMayEditNetworks = (): boolean => can(useRoleHere(), 'applyNetworkEdit');
