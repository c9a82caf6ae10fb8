import { createBodyOfNetwork, NETWORK_DRIVERS } from '@bridgeboard/contract';
import { isDefaultBridge, isStackMode, isSwarmScoped, swarmRole, type Network } from '@bridgeboard/topology';
import { formCannotHold } from '../networks/body-to-form';

/** Whether the signed-in user may edit a network, and why not (use-may-edit-networks.ts). */
export interface EditRights {
  allowed: boolean;
  reason: string | null;
}

/** What a viewer with no grant on any network of the engine is told. */
export const EDIT_NEEDS_OPERATOR = 'Editing a network needs the operator role on this engine';

/**
 * Why the network cannot be edited here, or null when it can. What the network is comes first (it
 * holds for everyone); then whether the user's rights allow it. The server refuses all of these anyway.
 */
export function editRefusal(n: Network, rights: EditRights): string | null {
  if (n.system || isDefaultBridge(n) || isStackMode(n)) return "Docker's own networks cannot be re-made";
  if (isSwarmScoped(n)) return 'A swarm network spans the nodes: it is re-made through the swarm manager, not one engine';
  if (swarmRole(n) === 'gateway') return 'Swarm makes docker_gwbridge itself on every node';
  if (!(NETWORK_DRIVERS as readonly string[]).includes(n.driver)) {
    return `The form makes ${NETWORK_DRIVERS.join(', ')} networks; this one uses the ${n.driver} driver`;
  }
  const beyond = formCannotHold(createBodyOfNetwork(n));
  if (beyond.length > 0) return `The form cannot hold what this network has: ${beyond.join('; ')}`;
  if (!rights.allowed) return rights.reason ?? EDIT_NEEDS_OPERATOR;
  return null;
}
