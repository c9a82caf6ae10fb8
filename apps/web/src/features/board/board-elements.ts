import type { Edge } from '@xyflow/react';
import { endpointKey, isStackMode, own, type Topology } from '@bridgeboard/topology';
import type { ReachView } from '../reachability/reach-from';
import { MARK_LABEL } from '../reachability/reach-mark';
import { attachmentOffsets, type Attachment } from './attachment-offsets';
import type { BridgeNodeType } from './bridge-node';
import type { ContainerNodeType } from './container-node';
import type { EndpointEdgeType } from './endpoint-edge';
import { bridgePosition, chipPosition } from './geometry';
import type { BoardLayout } from './layout';
import type { MemberEdgeType } from './member-edge';
import { memberElements } from './member-elements';
import type { MemberNodeType } from './member-node';
import { localBadges, swarmBar } from './swarm-marks';

export type BoardNode = BridgeNodeType | ContainerNodeType | MemberNodeType;

export interface ElementInputs {
  topology: Topology;
  layout: BoardLayout;
  pending: { connecting: Set<string>; disconnecting: Set<string> };
  /** Ids that match the search; null means no search, nothing dimmed. */
  matches: Set<string> | null;
  selectedId: string | null;
  /** "Reach from X": a mark per chip; bridges and links no reachable path uses are dimmed. Null: off. */
  reach: ReachView | null;
  /** False for a role that may only look: chips stay put, links cannot be pulled or removed. */
  canConnect: boolean;
  onRemove: (networkId: string, containerId: string) => void;
}

/** Nodes and edges for React Flow, from the topology and the stable layout. Pure. */
export function boardElements({ topology: t, layout, pending, matches, selectedId, reach, canConnect, onRemove }: ElementInputs): {
  nodes: BoardNode[];
  edges: (EndpointEdgeType | MemberEdgeType | Edge)[];
} {
  const dim = (id: string) => matches !== null && !matches.has(id);
  const offPath = (networkId: string) => reach !== null && !reach.networks.has(networkId);
  const nodes: BoardNode[] = [];
  const badges = localBadges(t);
  for (const n of Object.values(t.networks)) {
    nodes.push({
      id: n.id,
      type: 'bridge',
      position: bridgePosition(layout, n.id),
      data: { network: n, dimmed: dim(n.id) || offPath(n.id), swarm: swarmBar(t, n) },
      selected: selectedId === n.id,
      draggable: false,
    });
  }
  for (const c of Object.values(t.containers)) {
    const slot = own(layout.slots, c.id);
    if (!slot) continue;
    const mode = c.networkMode;
    const sharesWith = mode.kind === 'container' ? (own(t.containers, mode.container)?.name ?? null) : null;
    const pendingHere = [...pending.connecting, ...pending.disconnecting].some((k) => k.endsWith(`/${c.id}`));
    const reached = reach?.chips.get(c.id) ?? null;
    nodes.push({
      id: c.id,
      type: 'container',
      position: chipPosition(layout, slot),
      data: {
        container: c,
        sharesWith,
        dimmed: dim(c.id),
        pending: pendingHere,
        reach: reached,
        node: badges?.chips.has(c.id) ? badges.node : null,
      },
      // Read out when the chip gets the keyboard focus: the verdict and its reason, as the tooltip shows a mouse.
      ariaLabel:
        reached && reached.mark !== 'self'
          ? `${c.name}: ${MARK_LABEL[reached.mark]} from ${reach?.from ?? ''}. ${reached.explanation}`
          : undefined,
      selected: selectedId === c.id,
      draggable: canConnect,
      connectable: false,
    });
  }

  // Members of other nodes hang with the network: dimmed with it, by a search or the reach view.
  const members = memberElements(t, layout, (networkId) => dim(networkId) || offPath(networkId));
  nodes.push(...members.nodes);
  const offsets = attachmentOffsets([...endpointAttachments(t, layout), ...members.attachments]);
  const edges: (EndpointEdgeType | MemberEdgeType | Edge)[] = members.edges.map((e) =>
    e.data ? { ...e, data: { ...e.data, targetOffset: offsets.get(e.id) ?? 0 } } : e,
  );
  for (const [key, e] of Object.entries(t.endpoints)) {
    const n = own(t.networks, e.networkId);
    const c = own(t.containers, e.containerId);
    if (!n || !c) continue;
    // host and none are modes, not links a user can pull: drawn, but not removable.
    const removable = canConnect && !isStackMode(n);
    edges.push({
      id: key,
      type: 'endpoint',
      source: c.id,
      target: n.id,
      reconnectable: removable ? 'target' : false,
      data: {
        endpoint: e,
        networkName: n.name,
        containerName: c.name,
        pending: pending.disconnecting.has(key) ? 'disconnecting' : null,
        dimmed: dim(c.id) || dim(n.id) || (reach !== null && !reach.endpoints.has(key)),
        onRemove: removable ? () => onRemove(n.id, c.id) : null,
        targetOffset: offsets.get(key) ?? 0,
      },
    });
  }
  // container:X mode: no link of its own, it lives in X's network stack.
  for (const c of Object.values(t.containers)) {
    if (c.networkMode.kind !== 'container') continue;
    const partner = own(t.containers, c.networkMode.container);
    if (!partner) continue;
    edges.push({
      id: `stack:${c.id}`,
      source: c.id,
      target: partner.id,
      targetHandle: 'stack',
      type: 'straight',
      label: `shares ${partner.name}'s stack`,
      style: { strokeDasharray: '2 4', stroke: '#64748b' },
      reconnectable: false,
      selectable: false,
    });
  }
  // A link asked for but not yet confirmed by a patch: drawn dashed, so the drop has an answer at once.
  for (const key of pending.connecting) {
    if (own(t.endpoints, key)) continue;
    const [networkId = '', containerId = ''] = key.split('/');
    const n = own(t.networks, networkId);
    const c = own(t.containers, containerId);
    if (!n || !c) continue;
    edges.push({
      id: `pending:${endpointKey(networkId, containerId)}`,
      type: 'endpoint',
      source: c.id,
      target: n.id,
      reconnectable: false,
      data: {
        endpoint: null,
        networkName: n.name,
        containerName: c.name,
        pending: 'connecting',
        dimmed: false,
        onRemove: null,
        targetOffset: 0,
      },
    });
  }
  return { nodes, edges };
}

/** Where this engine's links meet their bridges: ordered by the x of the chip they come from. */
function endpointAttachments(t: Topology, layout: BoardLayout): Attachment[] {
  return Object.entries(t.endpoints).map(([key, e]) => {
    const slot = own(layout.slots, e.containerId);
    return { id: key, networkId: e.networkId, x: slot ? chipPosition(layout, slot).x : 0 };
  });
}
