import { own } from '@bridgeboard/topology';
import type { BoardNode } from './board-elements';
import type { BoardLayout } from './layout';
import { memberKeyOf } from './member-elements';

/** Whether a node stands in the same slot (a bridge: the same column) in both layouts. */
function sameSlot(node: BoardNode, a: BoardLayout, b: BoardLayout): boolean {
  if (a === b) return true;
  if (node.type === 'bridge') return own(a.columns, node.id) === own(b.columns, node.id);
  const memberKey = memberKeyOf(node.id);
  const [was, is] =
    memberKey === null ? [own(a.slots, node.id), own(b.slots, node.id)] : [own(a.members, memberKey), own(b.members, memberKey)];
  return was === is || (was !== undefined && is !== undefined && was.network === is.network && was.index === is.index);
}

/** A lookup by id that costs nothing while both lists hold the same ids in the same order, as they do from one patch to the next. */
function byIdIn(list: readonly BoardNode[]): (i: number, id: string) => BoardNode | undefined {
  let byId: Map<string, BoardNode> | null = null;
  return (i, id) => {
    const at = list[i];
    if (at?.id === id) return at;
    byId ??= new Map(list.map((n) => [n.id, n]));
    return byId.get(id);
  };
}

/**
 * React Flow's next node state: the computed nodes, merged into what React Flow holds (`prev`:
 * positions the user dragged to, measurements). A node computed exactly as last time (`before`,
 * the same object) keeps React Flow's object untouched, so it is not re-rendered. A chip keeps a
 * dragged position only while its slot stays the same and the layout did not move that slot.
 */
export function mergeNodes(
  prev: BoardNode[],
  computed: BoardNode[],
  before: BoardNode[],
  previousLayout: BoardLayout,
  layout: BoardLayout,
): BoardNode[] {
  if (computed === before && previousLayout === layout && prev.length === computed.length) return prev;
  const held = byIdIn(prev);
  const last = byIdIn(before);
  let changed = prev.length !== computed.length;
  const next = computed.map((n, i) => {
    const old = held(i, n.id);
    const merged = mergeOne(n, old, last(i, n.id), previousLayout, layout);
    if (merged !== old) changed = true;
    return merged;
  });
  return changed ? next : prev;
}

function mergeOne(
  n: BoardNode,
  old: BoardNode | undefined,
  last: BoardNode | undefined,
  previousLayout: BoardLayout,
  layout: BoardLayout,
): BoardNode {
  if (!old || old.type !== n.type) return n;
  if (last === n) return old;
  const unmoved = last !== undefined && last.position.x === n.position.x && last.position.y === n.position.y;
  if (!unmoved || !sameSlot(n, previousLayout, layout)) return n;
  return { ...old, data: n.data, selected: n.selected, draggable: n.draggable, ariaLabel: n.ariaLabel } as BoardNode;
}
