import { useStore } from '@xyflow/react';
import { createContext, useContext, useLayoutEffect, useRef } from 'react';

/**
 * Far or near: below a zoom where a chip's text is unreadable anyway (14 px type at 0.3 is 4 px),
 * bridges draw as summaries and chips and links are not drawn at all, so thousands of them cost
 * nothing while panning (issue 13). Two thresholds, not one, so that a zoom resting at the
 * boundary does not flip the board back and forth.
 */
export type ZoomBand = 'far' | 'near';

/** Near turns far below this zoom… */
export const FAR_BELOW = 0.3;
/** …and far turns near again only from this one. */
export const NEAR_FROM = 0.36;
/**
 * A board with few chips costs nothing to draw in full, and at 0.2 its links still say which chip
 * is on which bridge: it turns far only when really far out. The summary is for fleet size.
 */
export const SMALL_BOARD_CHIPS = 300;
const SMALL_FAR_BELOW = 0.12;
const SMALL_NEAR_FROM = 0.15;
/** Far enough out that the fit view holds 1,000 networks (geometry.test.ts checks it). */
export const MIN_ZOOM = 0.02;

export function nextBand(previous: ZoomBand, zoom: number, small = false): ZoomBand {
  if (previous === 'near') return zoom < (small ? SMALL_FAR_BELOW : FAR_BELOW) ? 'far' : 'near';
  return zoom >= (small ? SMALL_NEAR_FROM : NEAR_FROM) ? 'near' : 'far';
}

/**
 * The band, read once for the whole board (board.tsx): React Flow's store changes on every frame
 * of a pan, but this selector's answer changes only when the band flips, so only then does the
 * board render again.
 */
export function useZoomBand(chips: number): ZoomBand {
  const last = useRef<ZoomBand>('near');
  const small = chips <= SMALL_BOARD_CHIPS;
  const band = useStore((s) => nextBand(last.current, s.transform[2], small));
  last.current = band;
  return band;
}

/** Given to the bridges, which draw themselves as a summary when far. */
export const ZoomBandContext = createContext<ZoomBand>('near');
export const useZoomBandOf = () => useContext(ZoomBandContext);

/**
 * How much a summary's type is scaled up against the zoom, so it reads at about 12 px on screen
 * at any far zoom. In steps of a quarter of a power of two, so that it changes a few times per
 * zoom gesture rather than on every frame.
 */
export function summaryScale(zoom: number): number {
  const steps = Math.round(Math.log2(1 / Math.max(zoom, MIN_ZOOM)) * 4);
  return Math.max(1, 2 ** (steps / 4));
}

/** The CSS variable the summaries size their type with, set on the board's root element. */
export const SCALE_VAR = '--bb-summary-scale';

/**
 * Keeps SCALE_VAR on React Flow's root up to date: one subscription for all summaries, and a
 * change of the variable restyles them without rendering any of them.
 */
export function SummaryScale(): null {
  const scale = useStore((s) => summaryScale(s.transform[2]));
  const root = useStore((s) => s.domNode);
  useLayoutEffect(() => {
    root?.style.setProperty(SCALE_VAR, String(scale));
  }, [root, scale]);
  return null;
}
