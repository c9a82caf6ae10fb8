import { missingGrant, networkAccess, roleAtLeast, type Holder, type NetworkFacts } from '@bridgeboard/contract';
import { API_ROLES, type ApiOperation } from '../../lib/api-roles';

/** What the board does to one network, by the route that does it (its role is the server's own declaration, lib/api-roles.ts). */
const OPERATION = {
  connect: 'connectContainer',
  disconnect: 'disconnectContainer',
  edit: 'applyNetworkEdit',
  remove: 'removeNetwork',
} as const satisfies Record<string, ApiOperation>;

export type NetworkAction = keyof typeof OPERATION;

export interface NetworkPermission {
  allowed: boolean;
  /** When refused: the server's own 403 sentence, naming the grant to ask for. Null when allowed. */
  reason: string | null;
}

/**
 * Whether `who` may do `action` to `network` on `engine`, decided as the server's guard decides
 * (rights.ts in the contract): by the role on the engine, raised by grants that cover the network.
 * An edit acts on the network as it is and as it will be: `edited` (its new name and labels) must
 * stay covered too, or the grant that allowed the edit would no longer hold the network it made.
 */
export function networkPermission(
  who: Holder,
  engine: string,
  action: NetworkAction,
  network: NetworkFacts,
  edited?: NetworkFacts,
): NetworkPermission {
  const needed = API_ROLES[OPERATION[action]];
  for (const target of edited ? [network, edited] : [network]) {
    if (!roleAtLeast(networkAccess(who, engine, target).role, needed))
      return { allowed: false, reason: missingGrant(who, engine, target, needed) };
  }
  return { allowed: true, reason: null };
}
