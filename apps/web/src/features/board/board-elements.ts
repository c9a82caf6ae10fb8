import { chipNodes } from './chip-elements';
import { createElementCache, type ElementCache } from './element-cache';
import { bridgePosition, chipPosition } from './geometry';
import type { BoardLayout } from './layout';
import { linkElements } from './link-elements';
import { memberElements } from './member-elements';
import type { Slot } from './place-slots';
import type { BoardEdge, BoardNode, ElementInputs } from './element-types';
import { changedKeys } from './table-changes';
import { localBadges, swarmBar, type SwarmBar } from './swarm-marks';

export type { BoardBridgeNode, BoardEdge, BoardNode, ElementInputs } from './element-types';

/**
 * Nodes and edges for React Flow, from the topology and the stable layout. Given the cache of the
 * pass before (one per board, see useBoardElements), every node and edge whose inputs are the same
 * (by identity) is the very object it was, so React Flow re-renders only what a patch changed;
 * without one, everything is made afresh. Either way the answer is the same.
 */
export function boardElements(
  inputs: ElementInputs,
  cache: ElementCache = createElementCache(),
): { nodes: BoardNode[]; edges: BoardEdge[] } {
  const { topology: t, layout, pending, matches, selectedId, reach, canConnect, onRemove } = inputs;
  const dim = (id: string) => matches !== null && !matches.has(id);
  const offPath = (networkId: string) => reach !== null && !reach.networks.has(networkId);
  const positionOf = positions(cache, layout);
  cache.attached.update(t);
  // The same view of a new topology (a patch): only what the patch changed is looked at. A new
  // view (a search, a selection, the layout moved something, a swarm node's badges) looks at all.
  const view = [layout, pending, matches, selectedId, reach, canConnect, onRemove];
  const full = !sameItems(view, cache.seen.view) || localBadges(t) !== null;
  if (full) cache.spread.clear();

  const nodes: BoardNode[] = [];
  for (const n of Object.values(t.networks)) {
    const { x, y } = bridgePosition(layout, n.id);
    const dimmed = dim(n.id) || offPath(n.id);
    const swarm = steadyBar(cache, n.id, swarmBar(t, n));
    const attached = cache.attached.of(n.id);
    const selected = selectedId === n.id;
    nodes.push(
      cache.bridges.get(n.id, [n, x, y, dimmed, swarm, attached, selected], () => ({
        id: n.id,
        type: 'bridge',
        position: { x, y },
        data: { network: n, dimmed, swarm, attached },
        selected,
        draggable: false,
      })),
    );
  }
  nodes.push(...chipNodes(inputs, positionOf, cache, full ? null : changedKeys(cache.seen.containers, t.containers)));

  // Members of other nodes hang with the network: dimmed with it, by a search or the reach view.
  const members = memberElements(t, layout, (networkId) => dim(networkId) || offPath(networkId), positionOf, cache);
  nodes.push(...members.nodes);
  for (const id of cache.seen.members) if (!members.ids.has(id)) cache.spread.remove(id);
  const links = linkElements(inputs, positionOf, cache, full);
  // Every link of every bar is known now: spread again only the bars whose links changed.
  const moved = cache.spread.settle();
  const edges: BoardEdge[] = [...members.edges(), ...links.edges(moved)];

  for (const keyed of [cache.bridges, cache.members, cache.memberLinks, cache.stacks]) keyed.sweep();
  if (full) for (const keyed of [cache.chips, cache.links]) keyed.sweep();
  cache.seen = { view, containers: t.containers, endpoints: t.endpoints, members: members.ids };
  // Nothing changed (a search that lights the same, a patch of links only): the same array, so its memoised readers skip work.
  const sameNodes = sameItems(nodes, cache.last.nodes);
  const sameEdges = sameItems(edges, cache.last.edges);
  if (!sameNodes || !sameEdges) cache.last = { nodes: sameNodes ? cache.last.nodes : nodes, edges: sameEdges ? cache.last.edges : edges };
  return cache.last;
}

/** Chip positions by slot, remembered while the layout is the same object (a kept layout moves nothing). */
function positions(cache: ElementCache, layout: BoardLayout): (slot: Slot) => { x: number; y: number } {
  if (cache.positions.layout !== layout) cache.positions = { layout, bySlot: new WeakMap() };
  const { bySlot } = cache.positions;
  return (slot) => {
    const known = bySlot.get(slot);
    if (known) return known;
    const position = chipPosition(layout, slot);
    bySlot.set(slot, position);
    return position;
  };
}

/** swarmBar makes a new object each call: the one before, while it says the same, so the bridge is not redrawn. */
function steadyBar(cache: ElementCache, networkId: string, bar: SwarmBar | null): SwarmBar | null {
  if (bar === null) {
    cache.swarmBars.delete(networkId);
    return null;
  }
  const old = cache.swarmBars.get(networkId);
  if (old && JSON.stringify(old) === JSON.stringify(bar)) return old;
  cache.swarmBars.set(networkId, bar);
  return bar;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
