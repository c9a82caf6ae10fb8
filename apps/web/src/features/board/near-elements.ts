import { useStore, type ReactFlowState } from '@xyflow/react';
import { useMemo } from 'react';
import { own } from '@bridgeboard/topology';
import type { BoardEdge, BoardNode } from './element-types';
import { cellInRange, cellRange, type CellRange } from './geometry';
import type { BoardLayout } from './layout';
import { memberKeyOf } from './member-elements';
import type { ZoomBand } from './zoom-band';

/**
 * How far past the screen, in screens, chips and links are handed to React Flow near: a pan of
 * half a screen finds them drawn and measured already.
 */
const MARGIN = 0.5;

/**
 * Near, React Flow is handed every bridge but only the chips and links of the cells around the
 * screen (issue 13). React Flow does work for every node it holds on every change, whether drawn
 * or not: each node has a store subscription in the minimap, and every edge is indexed again on
 * each change of the edges. Holding 2,000 chips made every patch cost that much. The key changes
 * only when a column or row of cells comes into or leaves that area, so a pan renders the board
 * again only then. Null: hand everything (far, where chips are not handed at all, or before the
 * pane has a size).
 */
export function useNearRange(layout: BoardLayout, band: ZoomBand): CellRange | null {
  const key = useStore((s: ReactFlowState) => {
    if (band === 'far' || s.width === 0 || s.height === 0) return '';
    const [tx, ty, zoom] = s.transform;
    const width = s.width / zoom;
    const height = s.height / zoom;
    const range = cellRange(layout, {
      x: -tx / zoom - MARGIN * width,
      y: -ty / zoom - MARGIN * height,
      width: width * (1 + 2 * MARGIN),
      height: height * (1 + 2 * MARGIN),
    });
    return `${range.cols.join(',')},${range.rows.join(',')}`;
  });
  return useMemo(() => {
    if (!key) return null;
    const [c0 = 0, c1 = 0, r0 = 0, r1 = 0] = key.split(',').map(Number);
    return { cols: [c0, c1], rows: [r0, r1] };
  }, [key]);
}

/** The network under whose bridge a node hangs (a bridge: its own); undefined for a node the layout does not place. */
function networkOf(layout: BoardLayout, id: string): string | undefined {
  if (own(layout.columns, id) !== undefined) return id;
  const slot = own(layout.slots, id);
  if (slot) return slot.network;
  const memberKey = memberKeyOf(id);
  return memberKey === null ? undefined : own(layout.members, memberKey)?.network;
}

/**
 * Whether each id is near, remembered while the layout and the range stay the same objects: a
 * patch renders the board twice (its links, then its nodes), and most patches move nothing.
 */
const knownByLayout = new WeakMap<BoardLayout, { range: CellRange; known: Map<string, boolean> }>();

function knownFor(layout: BoardLayout, range: CellRange): Map<string, boolean> {
  const held = knownByLayout.get(layout);
  if (held?.range === range) return held.known;
  const known = new Map<string, boolean>();
  knownByLayout.set(layout, { range, known });
  return known;
}

/**
 * What React Flow is handed near: every bridge, the nodes of the cells in `range`, every link
 * with an end there (so a link from a chip elsewhere to a bridge on screen is still drawn), and
 * the nodes at the other end of those links. A node the layout does not place is always handed.
 */
export function nearElements(
  nodes: BoardNode[],
  edges: BoardEdge[],
  layout: BoardLayout,
  range: CellRange,
): { nodes: BoardNode[]; edges: BoardEdge[] } {
  const known = knownFor(layout, range);
  const inRange = (id: string) => {
    let near = known.get(id);
    if (near === undefined) {
      const network = networkOf(layout, id);
      near = network === undefined || cellInRange(layout, network, range);
      known.set(id, near);
    }
    return near;
  };
  const ends = new Set<string>();
  const shownEdges = edges.filter((e) => {
    const keep = inRange(e.source) || inRange(e.target);
    if (keep) {
      ends.add(e.source);
      ends.add(e.target);
    }
    return keep;
  });
  const shownNodes = nodes.filter((n) => n.type === 'bridge' || ends.has(n.id) || inRange(n.id));
  return { nodes: shownNodes, edges: shownEdges };
}
