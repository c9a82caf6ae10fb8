import { describe, expect, it } from 'vitest';
import type { BoardNode } from './element-types';
import { FOCUS_ZOOM, firstViewport } from './first-view';
import { BRIDGE_WIDTH, SUMMARY_HEIGHT } from './geometry';

const bridge = (id: string, x: number, y: number) => ({ id, type: 'bridge', position: { x, y }, data: {} }) as BoardNode;
const chip = (id: string, x: number, y: number) => ({ id, type: 'container', position: { x, y }, data: {} }) as BoardNode;

describe('firstViewport', () => {
  it('centres a deep link’s node at the focus zoom', () => {
    const nodes = [bridge('n', 0, 0), chip('c', 1000, 500)];
    const v = firstViewport(nodes, 'c', 1600, 1000, true);
    expect(v.zoom).toBe(FOCUS_ZOOM);
    // The chip's centre (its width 160, about 64 tall) lands on the pane's centre.
    expect(v.x + (1000 + 80) * FOCUS_ZOOM).toBeCloseTo(800);
    expect(v.y + (500 + 32) * FOCUS_ZOOM).toBeCloseTo(500);
  });

  it('fits a small board near, at most at zoom 1', () => {
    const v = firstViewport([bridge('a', 0, 0), chip('c', 0, 250)], null, 1600, 1000, true);
    expect(v.zoom).toBe(1);
  });

  it('fits a fleet-size board to its bridges drawn as summaries', () => {
    const nodes: BoardNode[] = [];
    for (let col = 0; col < 30; col++) for (let row = 0; row < 5; row++) nodes.push(bridge(`n${col}-${row}`, col * 380, row * 900));
    const v = firstViewport(nodes, null, 1600, 1000, false);
    expect(v.zoom).toBeLessThan(0.3);
    // Every summary is inside the pane.
    const right = v.x + (29 * 380 + BRIDGE_WIDTH) * v.zoom;
    const bottom = v.y + (4 * 900 + SUMMARY_HEIGHT) * v.zoom;
    expect(v.x).toBeGreaterThanOrEqual(0);
    expect(v.y).toBeGreaterThanOrEqual(0);
    expect(right).toBeLessThanOrEqual(1600);
    expect(bottom).toBeLessThanOrEqual(1000);
  });
});
