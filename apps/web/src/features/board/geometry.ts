import { own } from '@bridgeboard/topology';
import type { BoardLayout } from './layout';
import type { Slot } from './place-slots';

/**
 * The board's geometry: where a bridge or a slot stands, from the layout (which says only what
 * goes where). Networks stand in a grid of cells, each cell a bridge with its chips hanging
 * below it, so that the fit view shows every network at fleet size (issue 13) instead of one row
 * a hundred columns long.
 */

export const COLUMN_WIDTH = 380;
export const BRIDGE_WIDTH = 340;
export const BRIDGE_HEIGHT = 96;
export const CHIP_WIDTH = 160;
/**
 * About how tall a chip draws (React Flow measures it only once drawn): enough to place the first
 * view and to centre a chip before any measure pass, where a few pixels do not show.
 */
export const CHIP_HEIGHT_ESTIMATE = 64;
/** The far-zoom summary of a bridge: as wide as its bar, as tall as the smallest cell allows. */
export const SUMMARY_HEIGHT = 640;
const SLOT_X = 176;
const SLOT_Y = 132;
const FIRST_ROW_Y = 250;
const PER_ROW = 2;
/** Room under a row's lowest reserved chip row before the next row's bridges. */
const ROW_GAP = 120;
/**
 * Chip rows are reserved per grid row in blocks of this many: a container that joins a network
 * lands in room the row already has, so nothing below it moves. Only when a network outgrows
 * its row's block does the row grow (by whole blocks), and then every row below it moves down
 * by that much, bridges and chips alike: one jump per BLOCK × PER_ROW containers, not one per container.
 */
export const BLOCK = 4;
/**
 * Columns per row the grid aims for. Cells are tall (a bridge over a block of chip rows), so about
 * this many columns per row keeps a 16:10 screen filled.
 */
const ASPECT = 7;
/**
 * A small board stays one row, as it was before the grid: up to this many networks the fit view
 * reads well in one row, and new networks appear to the right, clear of the legend in the
 * lower left.
 */
const FIRST_ROW = 10;

/**
 * Grid cells in the order column indices take them, grown so that existing cells never move:
 * starting from one cell, add a column to the right (one cell per existing row, top down) while
 * the grid is narrower than ASPECT × its rows (or FIRST_ROW), else a row below (left to right). Any prefix is
 * close to a rectangle of that shape, so the fit view is as good at 6 networks as at 1,000; a
 * grid width recomputed from the count would instead move every bridge when one network appears.
 */
const cells: [col: number, row: number][] = [[0, 0]];
let gridCols = 1;
let gridRows = 1;

export function cellOf(index: number): { col: number; row: number } {
  while (cells.length <= index) {
    if (gridCols < Math.max(FIRST_ROW, ASPECT * gridRows)) {
      for (let row = 0; row < gridRows; row++) cells.push([gridCols, row]);
      gridCols++;
    } else {
      for (let col = 0; col < gridCols; col++) cells.push([col, gridRows]);
      gridRows++;
    }
  }
  const [col = 0, row = 0] = cells[index] ?? [];
  return { col, row };
}

/** What the grid needs from the whole layout: where each row's top stands. */
interface Grid {
  rowTops: number[];
}

// Keyed by the layout object: the layout is returned unchanged when nothing moved, so a patch that
// moves nothing costs no recomputation here.
const grids = new WeakMap<BoardLayout, Grid>();

function gridOf(layout: BoardLayout): Grid {
  const cached = grids.get(layout);
  if (cached) return cached;
  // The highest slot index used under each network, containers and other nodes' members alike.
  const deepest = new Map<string, number>();
  const note = (slot: Slot) => deepest.set(slot.network, Math.max(deepest.get(slot.network) ?? 0, slot.index));
  for (const slot of Object.values(layout.slots)) note(slot);
  for (const slot of Object.values(layout.members)) note(slot);
  const blocks: number[] = [];
  for (const [id, index] of Object.entries(layout.columns)) {
    const { row } = cellOf(index);
    const chipRows = Math.floor((deepest.get(id) ?? 0) / PER_ROW) + 1;
    blocks[row] = Math.max(blocks[row] ?? 1, Math.ceil(chipRows / BLOCK));
  }
  const rowTops = [0];
  for (let row = 0; row < blocks.length; row++) {
    rowTops.push((rowTops[row] ?? 0) + FIRST_ROW_Y + (blocks[row] ?? 1) * BLOCK * SLOT_Y + ROW_GAP);
  }
  const grid = { rowTops };
  grids.set(layout, grid);
  return grid;
}

function cellCorner(layout: BoardLayout, networkId: string): { x: number; y: number } {
  const { col, row } = cellOf(own(layout.columns, networkId) ?? 0);
  return { x: col * COLUMN_WIDTH, y: gridOf(layout).rowTops[row] ?? 0 };
}

/** The grid's columns and rows that a rectangle of the board (flow coordinates) touches, ends included. */
export interface CellRange {
  cols: [number, number];
  rows: [number, number];
}

export function cellRange(layout: BoardLayout, rect: { x: number; y: number; width: number; height: number }): CellRange {
  const { rowTops } = gridOf(layout);
  const rowAt = (y: number) => {
    let row = 0;
    while (row + 1 < rowTops.length - 1 && (rowTops[row + 1] ?? 0) <= y) row++;
    return row;
  };
  return {
    cols: [Math.floor(rect.x / COLUMN_WIDTH), Math.floor((rect.x + rect.width) / COLUMN_WIDTH)],
    rows: [rowAt(rect.y), rowAt(rect.y + rect.height)],
  };
}

/** Whether a network's cell lies in the range. */
export function cellInRange(layout: BoardLayout, networkId: string, range: CellRange): boolean {
  const index = own(layout.columns, networkId);
  if (index === undefined) return false;
  const { col, row } = cellOf(index);
  return col >= range.cols[0] && col <= range.cols[1] && row >= range.rows[0] && row <= range.rows[1];
}

/** Where a network's bridge stands: the geometry is the layout's to decide, callers ask it by id. */
export function bridgePosition(layout: BoardLayout, networkId: string): { x: number; y: number } {
  return cellCorner(layout, networkId);
}

/** Where a chip in this slot stands. */
export function chipPosition(layout: BoardLayout, slot: Slot): { x: number; y: number } {
  const corner = cellCorner(layout, slot.network);
  return {
    x: corner.x + (slot.index % PER_ROW) * SLOT_X,
    y: corner.y + FIRST_ROW_Y + Math.floor(slot.index / PER_ROW) * SLOT_Y,
  };
}
