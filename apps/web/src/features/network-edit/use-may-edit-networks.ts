import { isNetworkScope } from '@bridgeboard/contract';
import type { Network } from '@bridgeboard/topology';
import { useNetworkPermission } from '../auth/network-permission-hook';
import { can } from '../auth/permissions';
import { useSession } from '../auth/session-context';
import { useRoleHere } from '../auth/use-role-here';
import { useEngineId } from '../engines/engine-selection';
import { EDIT_NEEDS_OPERATOR, type EditRights } from './edit-availability';

/** Whether the signed-in user may apply a network edit on the engine the page shows (the server's own rule, lib/api-roles.ts). */
export const useMayEditNetworks = (): boolean => can(useRoleHere(), 'applyNetworkEdit');

/**
 * Whether the signed-in user may edit `network`: as an operator of the engine, or by a grant that
 * covers the network (as the server's guard decides). A user with grants on some networks is told
 * the grant this one lacks; one with none, the role.
 */
export function useEditRights(network: Network): EditRights {
  const onEngine = useMayEditNetworks();
  const permission = useNetworkPermission();
  const { user } = useSession();
  const engine = useEngineId();
  if (onEngine) return { allowed: true, reason: null };
  const onNetwork = permission('edit', network);
  const holdsNetworkGrants = user.grants.some((g) => isNetworkScope(g.scope) && g.scope.engine === engine);
  return onNetwork.allowed ? onNetwork : { allowed: false, reason: holdsNetworkGrants ? onNetwork.reason : EDIT_NEEDS_OPERATOR };
}
