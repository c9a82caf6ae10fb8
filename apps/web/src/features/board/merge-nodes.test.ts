import { describe, expect, it } from 'vitest';
import { fromEngine, type EngineContainer, type EngineNetwork } from '@bridgeboard/topology';
import fixture from '@bridgeboard/topology/fixtures/engine-1.41.json';
import { boardElements, type BoardNode } from './board-elements';
import { createElementCache } from './element-cache';
import { layoutBoard } from './layout';
import { mergeNodes } from './merge-nodes';

const fx = fixture as unknown as { networksList: EngineNetwork[]; containersInspect: EngineContainer[] };
const t = fromEngine(fx.networksList, fx.containersInspect);
const layout = layoutBoard(t);
const view = {
  pending: { connecting: new Set<string>(), disconnecting: new Set<string>() },
  matches: null,
  reach: null,
  canConnect: true,
  onRemove: () => undefined,
};

describe('mergeNodes into React Flow’s node state', () => {
  const cache = createElementCache();
  const first = boardElements({ ...view, topology: t, layout, selectedId: null }, cache).nodes;
  // What React Flow holds after measuring every node, and the user dragging one chip aside.
  const chip = first.find((n) => n.type === 'container');
  const held = first.map((n) => ({
    ...n,
    measured: { width: 10, height: 10 },
    ...(n === chip ? { position: { x: -500, y: -500 } } : {}),
  })) as BoardNode[];

  it('keeps React Flow’s own object for every node computed as before, so none is re-rendered', () => {
    const merged = mergeNodes(held, first, first, layout, layout);
    expect(merged).toBe(held);
  });

  it('gives a node whose data changed its new data, and keeps the dragged position while its slot stays', () => {
    const second = boardElements({ ...view, topology: t, layout, selectedId: chip?.id ?? null }, cache).nodes;
    const merged = mergeNodes(held, second, first, layout, layout);
    const mergedChip = merged.find((n) => n.id === chip?.id);
    expect(mergedChip?.selected).toBe(true);
    expect(mergedChip?.position).toEqual({ x: -500, y: -500 });
    expect(mergedChip?.measured).toEqual({ width: 10, height: 10 });
    const others = merged.filter((n) => n.id !== chip?.id);
    for (const n of others) expect(n).toBe(held.find((h) => h.id === n.id));
  });
});
