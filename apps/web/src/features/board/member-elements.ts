import { own, type Topology } from '@bridgeboard/topology';
import { memberName, nodeName, sandboxOf } from '../swarm/swarm-names';
import type { ElementCache } from './element-cache';
import type { MemberEdgeType } from './member-edge';
import type { MemberNodeType } from './member-node';
import type { Slot } from './place-slots';
import type { BoardLayout } from './layout';
import { remoteMembers } from './remote-members';

const PREFIX = 'member:';

/** A member's chip id: its member key cannot be a container's id, the prefix keeps that plain. */
export const memberNodeId = (key: string): string => `${PREFIX}${key}`;

/** The member key (`networkId/endpointId`) of a member chip's id; null for any other node. */
export const memberKeyOf = (nodeId: string): string | null => (nodeId.startsWith(PREFIX) ? nodeId.slice(PREFIX.length) : null);

/**
 * The chips of an overlay's members on other nodes, and their links. Read-only: not draggable,
 * links not reconnectable, whatever the role, since the container lives on another engine.
 * `dimmed(id)`: whether the search or the reach view leaves that id out. A chip is lit with its
 * overlay, or by its own id (a search that names the member: see matchTopology).
 * Each link is put in `cache.spread` where its chip stands; its edge is made by `edges` once every
 * link of the bar is known (see boardElements). Unchanged members give the same objects as before.
 */
export function memberElements(
  t: Topology,
  layout: BoardLayout,
  dimmed: (id: string) => boolean,
  positionOf: (slot: Slot) => { x: number; y: number },
  cache: ElementCache,
): { nodes: MemberNodeType[]; ids: Set<string>; edges: () => MemberEdgeType[] } {
  const nodes: MemberNodeType[] = [];
  const ids = new Set<string>();
  const later: (() => MemberEdgeType)[] = [];
  for (const [key, m] of remoteMembers(t)) {
    const slot = own(layout.members, key);
    const network = own(t.networks, m.networkId);
    if (!slot || !network) continue;
    const position = positionOf(slot);
    const id = memberNodeId(key);
    const node = nodeName(t, m.nodeAddr);
    const dim = dimmed(m.networkId) && dimmed(id);
    nodes.push(
      cache.members.get(id, [m, position.x, position.y, node, dim], () => ({
        id,
        type: 'member',
        position,
        data: { member: m, name: memberName(m), node, sandbox: sandboxOf(m), dimmed: dim },
        draggable: false,
        connectable: false,
        deletable: false,
      })),
    );
    cache.spread.put(id, network.id, position.x);
    ids.add(id);
    later.push(() => {
      const targetOffset = cache.spread.offset(id);
      return cache.memberLinks.get(id, [m, network.name, node, dim, targetOffset], () => ({
        id,
        type: 'member',
        source: id,
        target: network.id,
        reconnectable: false,
        selectable: false,
        deletable: false,
        data: { member: m, name: memberName(m), networkName: network.name, node, dimmed: dim, targetOffset },
      }));
    });
  }
  return { nodes, ids, edges: () => later.map((make) => make()) };
}
