import { getViewportForBounds, useReactFlow, useStore, type Viewport } from '@xyflow/react';
import { useEffect, useState, type RefObject } from 'react';
import type { BoardNode } from './element-types';
import { BRIDGE_HEIGHT, BRIDGE_WIDTH, CHIP_HEIGHT_ESTIMATE, CHIP_WIDTH, SUMMARY_HEIGHT } from './geometry';
import { MIN_ZOOM, nextBand, type ZoomBand } from './zoom-band';

/** The fit view's options, as the Fit View control uses them too. */
export const FIT = { maxZoom: 1, padding: 0.1 } as const;
/** A deep link's zoom: chips and their names read well. */
export const FOCUS_ZOOM = 1.2;

/** A node's size: as React Flow measured it, else as the geometry draws it in that band. */
export function sizeOf(node: BoardNode, band: ZoomBand): { width: number; height: number } {
  if (node.measured?.width !== undefined && node.measured.height !== undefined)
    return { width: node.measured.width, height: node.measured.height };
  if (node.type === 'bridge') return { width: BRIDGE_WIDTH, height: band === 'far' ? SUMMARY_HEIGHT : BRIDGE_HEIGHT };
  return { width: CHIP_WIDTH, height: CHIP_HEIGHT_ESTIMATE };
}

function fitOf(nodes: BoardNode[], band: ZoomBand, width: number, height: number): Viewport {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const n of nodes) {
    const size = sizeOf(n, band);
    x0 = Math.min(x0, n.position.x);
    y0 = Math.min(y0, n.position.y);
    x1 = Math.max(x1, n.position.x + size.width);
    y1 = Math.max(y1, n.position.y + size.height);
  }
  if (!Number.isFinite(x0)) return { x: 0, y: 0, zoom: 1 };
  return getViewportForBounds({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, width, height, MIN_ZOOM, FIT.maxZoom, FIT.padding);
}

/**
 * The board's first view, from the layout's geometry alone: the selected node centred at
 * FOCUS_ZOOM (a deep link), else the fit view. Where the fit lands far, it is the fit of the
 * bridges drawn as summaries, as React Flow would fit what it is handed there.
 */
export function firstViewport(nodes: BoardNode[], selectedId: string | null, width: number, height: number, small: boolean): Viewport {
  const selected = selectedId === null ? undefined : nodes.find((n) => n.id === selectedId);
  if (selected) {
    const size = sizeOf(selected, 'near');
    const cx = selected.position.x + size.width / 2;
    const cy = selected.position.y + size.height / 2;
    return { x: width / 2 - cx * FOCUS_ZOOM, y: height / 2 - cy * FOCUS_ZOOM, zoom: FOCUS_ZOOM };
  }
  const near = fitOf(nodes, 'near', width, height);
  if (nextBand('near', near.zoom, small) === 'near') return near;
  return fitOf(
    nodes.filter((n) => n.type === 'bridge'),
    'far',
    width,
    height,
  );
}

/**
 * Sets the first view once the pane has a size and the board has nodes, and says whether it has.
 * React Flow's own `fitView` fits only measured nodes: it had every chip drawn and measured at
 * zoom 1 first (2,000 chips: seconds, issue 13), only to zoom out to where none of them is drawn.
 * The layout knows where everything stands, so the view is placed before anything is drawn, and
 * until then nothing is handed to React Flow. A view placed on the selected node notes it in `focused`.
 */
export function useFirstView(nodes: BoardNode[], selectedId: string | null, small: boolean, focused: RefObject<string | null>): boolean {
  const { setViewport } = useReactFlow();
  const ready = useStore((s) => s.panZoom !== null && s.width > 0 && s.height > 0);
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const [placed, setPlaced] = useState(false);
  useEffect(() => {
    if (placed || !ready || nodes.length === 0) return;
    void setViewport(firstViewport(nodes, selectedId, width, height, small));
    if (selectedId !== null && nodes.some((n) => n.id === selectedId)) focused.current = selectedId;
    setPlaced(true);
  }, [placed, ready, nodes, selectedId, width, height, small, setViewport, focused]);
  return placed;
}
