import { isSwarmScoped, overlaySpan, selfNode, swarmRole, type Network, type Topology } from '@bridgeboard/topology';
import { nodeName } from '../swarm/swarm-names';
import { remoteMembers } from './remote-members';

/** What a bridge bar says about a network's part in a swarm. */
export interface SwarmBar {
  role: 'ingress' | 'gateway' | 'overlay' | null;
  /** The nodes a swarm-scoped network spans (hostname, else address); empty for a local one. */
  nodes: { name: string; self: boolean }[];
}

export function swarmBar(t: Topology, n: Network): SwarmBar | null {
  const role = swarmRole(n);
  const scoped = isSwarmScoped(n);
  if (!role && !scoped) return null;
  const self = selfNode(t)?.addr;
  const addrs = scoped ? overlaySpan(t, n.id).nodeAddrs : [];
  return { role, nodes: addrs.map((addr) => ({ name: nodeName(t, addr), self: addr === self })) };
}

/**
 * The node badge of this engine's own chips, when the engine is a swarm node: only on chips
 * attached to a swarm-scoped network, since only there do chips of other nodes hang beside them;
 * on a local bridge every chip is this engine's, and a badge on each would say nothing.
 */
export function localBadges(t: Topology): { node: string; chips: Set<string> } | null {
  const self = selfNode(t);
  if (!self) return null;
  const chips = new Set<string>();
  for (const e of Object.values(t.endpoints)) {
    const n = t.networks[e.networkId];
    if (n && isSwarmScoped(n)) chips.add(e.containerId);
  }
  return { node: self.hostname || self.addr, chips };
}

/** Which swarm marks the board shows, so the legend explains those and no others. */
export function swarmMarks(t: Topology): { members: boolean; badges: boolean } {
  const members = remoteMembers(t).size > 0;
  return { members, badges: members || (localBadges(t)?.chips.size ?? 0) > 0 };
}
