import { describe, expect, it } from 'vitest';
import type { BoardEdge, BoardNode } from './element-types';
import { cellInRange, cellRange, COLUMN_WIDTH } from './geometry';
import type { BoardLayout } from './layout';
import { nearElements } from './near-elements';

/** Networks n0…n29 in the grid geometry.ts grows (n0 and n1 side by side in the first row), 3 chips under each. */
const layout: BoardLayout = { columns: {}, slots: {}, members: {} };
const nodes: BoardNode[] = [];
for (let n = 0; n < 30; n++) {
  layout.columns[`n${n}`] = n;
  nodes.push({ id: `n${n}`, type: 'bridge', position: { x: 0, y: 0 }, data: {} } as BoardNode);
  for (let i = 0; i < 3; i++) {
    layout.slots[`c${n}-${i}`] = { network: `n${n}`, index: i };
    nodes.push({ id: `c${n}-${i}`, type: 'container', position: { x: 0, y: 0 }, data: {} } as BoardNode);
  }
}
const link = (source: string, target: string) => ({ id: `${source}>${target}`, source, target }) as BoardEdge;
// Every chip on its home network; c20-0 also on n0, c0-1 also on n20.
const edges = [...Object.entries(layout.slots).map(([id, slot]) => link(id, slot.network)), link('c20-0', 'n0'), link('c0-1', 'n20')];

describe('nearElements', () => {
  // The first two columns of the first row.
  const range = cellRange(layout, { x: 0, y: 0, width: COLUMN_WIDTH * 1.5, height: 100 });

  it('finds the cells a rectangle touches', () => {
    expect(cellInRange(layout, 'n0', range)).toBe(true);
    expect(cellInRange(layout, 'n1', range)).toBe(true);
    expect(cellInRange(layout, 'n2', range)).toBe(false);
  });

  it('hands every bridge, the chips near, and every link that ends near with its other end', () => {
    const shown = nearElements(nodes, edges, layout, range);
    const ids = new Set(shown.nodes.map((n) => n.id));
    for (let n = 0; n < 30; n++) expect(ids.has(`n${n}`)).toBe(true);
    for (const id of ['c0-0', 'c0-1', 'c0-2', 'c1-0', 'c1-1', 'c1-2']) expect(ids.has(id)).toBe(true);
    // Far away, but linked to n0 on screen: its chip comes along so the link can be drawn.
    expect(ids.has('c20-0')).toBe(true);
    expect(ids.has('c20-1')).toBe(false);
    expect(ids.has('c5-0')).toBe(false);
    const links = new Set(shown.edges.map((e) => e.id));
    expect(links.has('c20-0>n0')).toBe(true);
    expect(links.has('c0-1>n20')).toBe(true);
    expect(links.has('c5-0>n5')).toBe(false);
    // Every link handed has both ends handed (React Flow drops and warns about the others).
    for (const e of shown.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
  });

  it('always hands a node the layout does not place', () => {
    const stray = { id: 'stray', type: 'container', position: { x: 0, y: 0 }, data: {} } as BoardNode;
    expect(nearElements([...nodes, stray], edges, layout, range).nodes).toContain(stray);
  });
});
