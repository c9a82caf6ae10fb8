import { own, type Topology } from '@bridgeboard/topology';
import { memberName, nodeName, sandboxOf } from '../swarm/swarm-names';
import type { Attachment } from './attachment-offsets';
import type { MemberEdgeType } from './member-edge';
import type { MemberNodeType } from './member-node';
import { chipPosition } from './geometry';
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
 */
export function memberElements(
  t: Topology,
  layout: BoardLayout,
  dimmed: (id: string) => boolean,
): { nodes: MemberNodeType[]; edges: MemberEdgeType[]; attachments: Attachment[] } {
  const nodes: MemberNodeType[] = [];
  const edges: MemberEdgeType[] = [];
  const attachments: Attachment[] = [];
  for (const [key, m] of remoteMembers(t)) {
    const slot = own(layout.members, key);
    const network = own(t.networks, m.networkId);
    if (!slot || !network) continue;
    const position = chipPosition(layout, slot);
    const id = memberNodeId(key);
    const name = memberName(m);
    const node = nodeName(t, m.nodeAddr);
    const dim = dimmed(m.networkId) && dimmed(id);
    nodes.push({
      id,
      type: 'member',
      position,
      data: { member: m, name, node, sandbox: sandboxOf(m), dimmed: dim },
      draggable: false,
      connectable: false,
      deletable: false,
    });
    edges.push({
      id,
      type: 'member',
      source: id,
      target: network.id,
      reconnectable: false,
      selectable: false,
      deletable: false,
      // Where it meets the bar is known once every link of that bar is: see boardElements.
      data: { member: m, name, networkName: network.name, node, dimmed: dim, targetOffset: 0 },
    });
    attachments.push({ id, networkId: network.id, x: position.x });
  }
  return { nodes, edges, attachments };
}
