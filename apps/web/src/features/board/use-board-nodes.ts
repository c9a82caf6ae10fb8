import { useNodesState } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { own } from '@bridgeboard/topology';
import type { BoardNode } from './board-elements';
import type { BoardLayout } from './layout';
import { memberKeyOf } from './member-elements';

function slotOf(node: BoardNode, layout: BoardLayout): string {
  if (node.type === 'bridge') return `c${own(layout.columns, node.id) ?? -1}`;
  const memberKey = memberKeyOf(node.id);
  const slot = memberKey === null ? own(layout.slots, node.id) : own(layout.members, memberKey);
  return slot ? `${slot.network}:${slot.index}` : '';
}

/**
 * React Flow's node state, fed from the topology. React Flow owns positions (the user may drag
 * chips aside) and measurements; the topology owns the rest. A chip keeps its position only while
 * its layout slot stays the same.
 */
export function useBoardNodes(computed: BoardNode[], layout: BoardLayout) {
  const [nodes, setNodes, onNodesChange] = useNodesState<BoardNode>([]);
  const placedBy = useRef(layout);
  useEffect(() => {
    const previousLayout = placedBy.current;
    placedBy.current = layout;
    setNodes((prev) => {
      const before = new Map(prev.map((n) => [n.id, n]));
      return computed.map((n) => {
        const old = before.get(n.id);
        const sameSlot = old && old.type === n.type && slotOf(old, previousLayout) === slotOf(n, layout);
        return old && sameSlot ? { ...old, data: n.data, selected: n.selected, draggable: n.draggable, ariaLabel: n.ariaLabel } : n;
      }) as BoardNode[];
    });
  }, [computed, layout, setNodes]);
  return { nodes, setNodes, onNodesChange };
}
