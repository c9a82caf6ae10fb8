import { useNodesState } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { BoardNode } from './board-elements';
import type { BoardLayout } from './layout';
import { mergeNodes } from './merge-nodes';

/**
 * React Flow's node state, fed from the topology. React Flow owns positions (the user may drag
 * chips aside) and measurements; the topology owns the rest. A chip keeps its position only while
 * its layout slot stays the same. Merged in proportion to what changed (see mergeNodes).
 */
export function useBoardNodes(computed: BoardNode[], layout: BoardLayout) {
  const [nodes, setNodes, onNodesChange] = useNodesState<BoardNode>([]);
  const merged = useRef<{ computed: BoardNode[]; layout: BoardLayout }>({ computed: [], layout });
  useEffect(() => {
    const before = merged.current;
    merged.current = { computed, layout };
    setNodes((prev) => mergeNodes(prev, computed, before.computed, before.layout, layout));
  }, [computed, layout, setNodes]);
  return { nodes, setNodes, onNodesChange };
}
