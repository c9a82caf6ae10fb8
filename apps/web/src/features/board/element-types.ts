import type { Edge } from '@xyflow/react';
import type { Topology } from '@bridgeboard/topology';
import type { ReachView } from '../reachability/reach-from';
import type { Attached } from './attached-counts';
import type { BoardLayout } from './board-layout';
import type { BridgeNodeType } from './bridge-node';
import type { ContainerNodeType } from './container-node';
import type { EndpointEdgeType } from './endpoint-edge';
import type { MemberEdgeType } from './member-edge';
import type { MemberNodeType } from './member-node';

/** What the board's elements are made of and from: shared by board-elements.ts and the files it draws on. */

/**
 * A bridge node as the board makes it: bridge-node.tsx's data and `attached`, which the far-zoom
 * summary draws. Intersected here until BridgeNodeType carries the field itself.
 */
export type BoardBridgeNode = BridgeNodeType & { data: { attached: Attached } };
export type BoardNode = BoardBridgeNode | ContainerNodeType | MemberNodeType;
export type BoardEdge = EndpointEdgeType | MemberEdgeType | Edge;

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
