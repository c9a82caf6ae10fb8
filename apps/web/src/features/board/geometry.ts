import { own } from '@bridgeboard/topology';
import type { BoardLayout } from './layout';
import type { Slot } from './place-slots';

/** The board's geometry: where a bridge or a slot stands, from the layout (which says only what goes where). */

export const COLUMN_WIDTH = 380;
export const BRIDGE_WIDTH = 340;
export const BRIDGE_HEIGHT = 96;
export const CHIP_WIDTH = 160;
const SLOT_X = 176;
const SLOT_Y = 132;
const FIRST_ROW_Y = 250;
const PER_ROW = 2;

/** Where a network's bridge stands: the geometry is the layout's to decide, callers ask it by id. */
export function bridgePosition(layout: BoardLayout, networkId: string): { x: number; y: number } {
  return { x: (own(layout.columns, networkId) ?? 0) * COLUMN_WIDTH, y: 0 };
}

/** Where a chip in this slot stands. */
export function chipPosition(layout: BoardLayout, slot: Slot): { x: number; y: number } {
  const column = own(layout.columns, slot.network) ?? 0;
  return { x: column * COLUMN_WIDTH + (slot.index % PER_ROW) * SLOT_X, y: FIRST_ROW_Y + Math.floor(slot.index / PER_ROW) * SLOT_Y };
}
