import { useMemo, useState } from 'react';
import { boardElements, type ElementInputs } from './board-elements';
import { createElementCache } from './element-cache';

/**
 * The board's nodes and edges, made with this board's own cache: from one patch to the next only
 * what changed gets new objects (see boardElements), so React Flow re-renders only those.
 */
export function useBoardElements(inputs: ElementInputs) {
  const [cache] = useState(createElementCache);
  const { topology, layout, pending, matches, selectedId, reach, canConnect, onRemove } = inputs;
  return useMemo(
    () => boardElements({ topology, layout, pending, matches, selectedId, reach, canConnect, onRemove }, cache),
    [topology, layout, pending, matches, selectedId, reach, canConnect, onRemove, cache],
  );
}
