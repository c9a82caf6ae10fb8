import type { Edge } from '@xyflow/react';
import { endpointKey, isStackMode, own, type Topology } from '@bridgeboard/topology';
import type { ReachView } from '../reachability/reach-from';
import { MARK_LABEL } from '../reachability/reach-mark';
import type { BridgeNodeType } from './bridge-node';
import type { ContainerNodeType } from './container-node';
import type { EndpointEdgeType } from './endpoint-edge';
import { BRIDGE_WIDTH, bridgePosition, chipPosition, type BoardLayout } from './layout';

const ATTACH_SPACING = 96;

export type BoardNode = BridgeNodeType | ContainerNodeType;

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
  canWire: boolean;
  onRemove: (networkId: string, containerId: string) => void;
}

/** Nodes and edges for React Flow, from the topology and the stable layout. Pure. */
export function boardElements({ topology: t, layout, pending, matches, selectedId, reach, canWire, onRemove }: ElementInputs): {
  nodes: BoardNode[];
  edges: (EndpointEdgeType | Edge)[];
} {
  const dim = (id: string) => matches !== null && !matches.has(id);
  const offPath = (networkId: string) => reach !== null && !reach.networks.has(networkId);
  const nodes: BoardNode[] = [];
  for (const n of Object.values(t.networks)) {
    const column = own(layout.columns, n.id) ?? 0;
    nodes.push({
      id: n.id,
      type: 'bridge',
      position: bridgePosition(column),
      data: { network: n, dimmed: dim(n.id) || offPath(n.id) },
      selected: selectedId === n.id,
      draggable: false,
    });
  }
  for (const c of Object.values(t.containers)) {
    const slot = own(layout.slots, c.id);
    if (!slot) continue;
    const column = own(layout.columns, slot.network) ?? 0;
    const mode = c.networkMode;
    const sharesWith = mode.kind === 'container' ? (own(t.containers, mode.container)?.name ?? null) : null;
    const pendingHere = [...pending.connecting, ...pending.disconnecting].some((k) => k.endsWith(`/${c.id}`));
    const reached = reach?.chips.get(c.id) ?? null;
    nodes.push({
      id: c.id,
      type: 'container',
      position: chipPosition(column, slot.index),
      data: { container: c, sharesWith, dimmed: dim(c.id), pending: pendingHere, reach: reached },
      // Read out when the chip gets the keyboard focus: the verdict and its reason, as the tooltip shows a mouse.
      ariaLabel:
        reached && reached.mark !== 'self'
          ? `${c.name}: ${MARK_LABEL[reached.mark]} from ${reach?.from ?? ''}. ${reached.explanation}`
          : undefined,
      selected: selectedId === c.id,
      draggable: canWire,
      connectable: false,
    });
  }

  const edges: (EndpointEdgeType | Edge)[] = [];
  const offsets = attachmentOffsets(t, layout);
  for (const [key, e] of Object.entries(t.endpoints)) {
    const n = own(t.networks, e.networkId);
    const c = own(t.containers, e.containerId);
    if (!n || !c) continue;
    // host and none are modes, not links a user can pull: drawn, but not removable.
    const removable = canWire && !isStackMode(n);
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

/**
 * Where each link meets its bridge, as an offset from the bar's middle: spread along the bar in
 * the order of the containers below it, like ports on a switch, so links do not all meet in one
 * point and each can be told apart (and grabbed).
 */
function attachmentOffsets(t: Topology, layout: BoardLayout): Map<string, number> {
  const x = (containerId: string) => {
    const slot = own(layout.slots, containerId);
    return slot ? chipPosition(own(layout.columns, slot.network) ?? 0, slot.index).x : 0;
  };
  const byNetwork = new Map<string, string[]>();
  for (const [key, e] of Object.entries(t.endpoints)) byNetwork.set(e.networkId, [...(byNetwork.get(e.networkId) ?? []), key]);
  const offsets = new Map<string, number>();
  for (const keys of byNetwork.values()) {
    keys.sort((a, b) => x(a.slice(a.indexOf('/') + 1)) - x(b.slice(b.indexOf('/') + 1)));
    const spacing = Math.min(ATTACH_SPACING, (BRIDGE_WIDTH - 40) / Math.max(1, keys.length - 1));
    keys.forEach((key, i) => offsets.set(key, (i - (keys.length - 1) / 2) * spacing));
  }
  return offsets;
}
