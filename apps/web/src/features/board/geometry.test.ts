import { describe, expect, it } from 'vitest';
import { BLOCK, BRIDGE_WIDTH, bridgePosition, cellOf, CHIP_WIDTH, chipPosition, SUMMARY_HEIGHT } from './geometry';
import type { BoardLayout } from './layout';
import type { Slot } from './place-slots';
import { FAR_BELOW, MIN_ZOOM } from './zoom-band';

/** A layout as layoutBoard makes it: networks `n0…` in columns 0…, `perNetwork` containers under each. */
function boardOf(networks: number, perNetwork: number): BoardLayout {
  const layout: BoardLayout = { columns: {}, slots: {}, members: {} };
  for (let n = 0; n < networks; n++) {
    layout.columns[`n${n}`] = n;
    for (let i = 0; i < perNetwork; i++) layout.slots[`c${n}-${i}`] = { network: `n${n}`, index: i };
  }
  return layout;
}

/** Every bridge's and chip's pixel position, by id. */
function positions(layout: BoardLayout): Map<string, string> {
  const at = new Map<string, string>();
  const key = (p: { x: number; y: number }) => `${p.x},${p.y}`;
  for (const id of Object.keys(layout.columns)) at.set(id, key(bridgePosition(layout, id)));
  for (const [id, slot] of Object.entries(layout.slots)) at.set(id, key(chipPosition(layout, slot)));
  return at;
}

/** What moved between two layouts, among what both hold. */
function moved(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...before].filter(([id, p]) => after.has(id) && after.get(id) !== p).map(([id]) => id);
}

function withContainer(layout: BoardLayout, id: string, slot: Slot): BoardLayout {
  return { ...layout, slots: { ...layout.slots, [id]: slot } };
}

/** React Flow's fit zoom (padding 0.1) for everything drawn near, in a 1600 × 1000 board. */
function fitZoom(layout: BoardLayout): number {
  const boxes = [
    ...Object.keys(layout.columns).map((id) => ({ ...bridgePosition(layout, id), w: BRIDGE_WIDTH, h: SUMMARY_HEIGHT })),
    ...Object.values(layout.slots).map((s) => ({ ...chipPosition(layout, s), w: CHIP_WIDTH, h: 80 })),
  ];
  const width = Math.max(...boxes.map((b) => b.x + b.w)) - Math.min(...boxes.map((b) => b.x));
  const height = Math.max(...boxes.map((b) => b.y + b.h)) - Math.min(...boxes.map((b) => b.y));
  return Math.min(1600 / (width * 1.1), 1000 / (height * 1.1));
}

describe('the board grid', () => {
  it('starts in the top-left corner and gives every column index its own cell', () => {
    expect(cellOf(0)).toEqual({ col: 0, row: 0 });
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) seen.add(JSON.stringify(cellOf(i)));
    expect(seen.size).toBe(2000);
  });

  it('keeps a screen-like shape at any count: wider than tall, never one long row', () => {
    for (const count of [6, 30, 105, 200, 1000]) {
      const cells = Array.from({ length: count }, (_, i) => cellOf(i));
      const cols = Math.max(...cells.map((c) => c.col)) + 1;
      const rows = Math.max(...cells.map((c) => c.row)) + 1;
      expect(cols, `${count} networks`).toBeLessThanOrEqual(Math.max(10, 8 * rows));
      expect(cols, `${count} networks`).toBeGreaterThanOrEqual(Math.min(count, 3 * rows));
    }
  });

  it('fits every network in a 1600 × 1000 fit view at 105, 200 and 1,000 networks', () => {
    // The fleet sizes of issue 13: 2,000 containers on 105 networks; 10,000 on 1,000.
    for (const [networks, each] of [
      [105, 19],
      [200, 10],
      [1000, 10],
    ] as const) {
      const zoom = fitZoom(boardOf(networks, each));
      // React Flow clamps the fit to minZoom: above it, the fit view really holds everything.
      expect(zoom, `${networks} networks`).toBeGreaterThan(MIN_ZOOM);
      // …and it is far: the summaries show.
      expect(zoom, `${networks} networks`).toBeLessThan(FAR_BELOW);
    }
    // One row of 105 columns gave 0.035; the grid gives about three times that.
    expect(fitZoom(boardOf(105, 19))).toBeGreaterThan(0.09);
  });

  it('does not move any other bridge or chip when a container joins within its row’s room', () => {
    const before = boardOf(30, 5);
    const after = withContainer(before, 'new', { network: 'n3', index: 5 });
    expect(moved(positions(before), positions(after))).toEqual([]);
    // Up to the end of the block (BLOCK chip rows of two) nothing moves either.
    let grown = before;
    for (let i = 5; i < BLOCK * 2; i++) grown = withContainer(grown, `new${i}`, { network: 'n3', index: i });
    expect(moved(positions(before), positions(grown))).toEqual([]);
  });

  it('grows a row by a whole block when a network outgrows it: only the rows below move, all by the same amount', () => {
    const before = boardOf(30, BLOCK * 2);
    const after = withContainer(before, 'over', { network: 'n3', index: BLOCK * 2 });
    const was = positions(before);
    const now = positions(after);
    const row3 = cellOf(3).row;
    const shifts = new Set<number>();
    for (const [id, p] of was) {
      const network = id.startsWith('n') ? id : `n${id.slice(1).split('-')[0] ?? ''}`;
      const row = cellOf(before.columns[network] ?? 0).row;
      const [x = 0, y = 0] = p.split(',').map(Number);
      const [x2 = 0, y2 = 0] = (now.get(id) ?? '').split(',').map(Number);
      expect(x2, id).toBe(x);
      if (row <= row3) expect(y2, `${id} in row ${row}`).toBe(y);
      else shifts.add(y2 - y);
    }
    expect(shifts.size).toBeGreaterThan(0); // the grid has rows below row 3 at 30 networks
    expect([...shifts]).toEqual([BLOCK * 132]);
    // The container that did not fit stands under its bridge, below the chips already there.
    expect(chipPosition(after, { network: 'n3', index: BLOCK * 2 }).y).toBeGreaterThan(chipPosition(after, { network: 'n3', index: 0 }).y);
  });

  it('does not move existing bridges or chips when a network appears, from 1 network to 1,000', () => {
    let layout = boardOf(1, 4);
    for (let n = 1; n < 1000; n++) {
      const next: BoardLayout = { ...layout, columns: { ...layout.columns, [`n${n}`]: n } };
      const was = positions(layout);
      const now = positions(next);
      const jumped = moved(was, now);
      if (jumped.length > 0) throw new Error(`adding network ${n} moved ${jumped.slice(0, 5).join(', ')}`);
      layout = next;
    }
  });
});
