import { endpointKey, isStackMode, own, type Topology } from '@bridgeboard/topology';
import type { BoardEdge, ElementInputs } from './element-types';
import type { ElementCache } from './element-cache';
import type { EndpointEdgeType } from './endpoint-edge';
import type { Slot } from './place-slots';
import { changedKeys } from './table-changes';

/**
 * This engine's links (endpoints), `container:X` stack lines and links asked for but not yet
 * confirmed. On a full pass (`full`: the view or the layout changed) every link is looked at;
 * otherwise only those a patch changed, those of containers it changed, and (see `edges`) those
 * of the bars whose links were spread again. Each link is put in `cache.spread` where its chip
 * stands; its edge is made by `edges` once every link of its bar is known.
 */
export function linkElements(
  inputs: ElementInputs,
  positionOf: (slot: Slot) => { x: number; y: number },
  cache: ElementCache,
  full: boolean,
): { edges: (moved: string[]) => BoardEdge[] } {
  const { topology: t, layout } = inputs;
  const { linksById, linksOf } = cache;
  if (full) {
    linksById.clear();
    linksOf.clear();
  }
  const dirty = full ? Object.keys(t.endpoints) : linksToRecheck(t, cache);
  for (const key of dirty) {
    const was = own(cache.seen.endpoints, key);
    const e = own(t.endpoints, key);
    if (was && !full && was.containerId !== e?.containerId) unlink(linksOf, was.containerId, key);
    if (!e) {
      cache.spread.remove(key);
      continue;
    }
    const slot = own(layout.slots, e.containerId);
    cache.spread.put(key, e.networkId, slot ? positionOf(slot).x : 0);
    const links = linksOf.get(e.containerId) ?? new Set<string>();
    linksOf.set(e.containerId, links.add(key));
  }
  return {
    edges: (moved) => {
      for (const key of full ? dirty : new Set([...dirty, ...moved])) {
        const edge = endpointEdge(inputs, key, cache);
        if (edge) linksById.set(key, edge);
        else if (linksById.delete(key)) cache.links.drop(key);
      }
      const edges: BoardEdge[] = [...linksById.values()];
      stackEdges(t, cache, edges);
      pendingEdges(inputs, edges);
      return edges;
    },
  };
}

/** The links a patch changed, and the links of the containers it changed (a name, a state). */
function linksToRecheck(t: Topology, cache: ElementCache): string[] {
  const keys = changedKeys(cache.seen.endpoints, t.endpoints);
  for (const id of changedKeys(cache.seen.containers, t.containers)) keys.push(...(cache.linksOf.get(id) ?? []));
  return keys;
}

function unlink(linksOf: Map<string, Set<string>>, containerId: string, key: string): void {
  const links = linksOf.get(containerId);
  links?.delete(key);
  if (links?.size === 0) linksOf.delete(containerId);
}

function endpointEdge(
  { topology: t, pending, matches, reach, canConnect, onRemove }: ElementInputs,
  key: string,
  cache: ElementCache,
): EndpointEdgeType | null {
  const e = own(t.endpoints, key);
  const n = e && own(t.networks, e.networkId);
  const c = e && own(t.containers, e.containerId);
  if (!e || !n || !c) return null;
  const dim = (id: string) => matches !== null && !matches.has(id);
  // host and none are modes, not links a user can pull: drawn, but not removable.
  const removable = canConnect && !isStackMode(n);
  const disconnecting = pending.disconnecting.has(key) ? 'disconnecting' : null;
  const dimmed = dim(c.id) || dim(n.id) || (reach !== null && !reach.endpoints.has(key));
  const targetOffset = cache.spread.offset(key);
  return cache.links.get(key, [e, n.name, c.name, removable, removable && onRemove, disconnecting, dimmed, targetOffset], () => ({
    id: key,
    type: 'endpoint',
    source: c.id,
    target: n.id,
    reconnectable: removable ? 'target' : false,
    data: {
      endpoint: e,
      networkName: n.name,
      containerName: c.name,
      pending: disconnecting,
      dimmed,
      onRemove: removable ? () => onRemove(n.id, c.id) : null,
      targetOffset,
    },
  }));
}

/** container:X mode: no link of its own, it lives in X's network stack. */
function stackEdges(t: Topology, cache: ElementCache, edges: BoardEdge[]): void {
  for (const id of cache.sharing) {
    const c = own(t.containers, id);
    if (c?.networkMode.kind !== 'container') continue;
    const partner = own(t.containers, c.networkMode.container);
    if (!partner) continue;
    edges.push(
      cache.stacks.get(c.id, [partner.id, partner.name], () => ({
        id: `stack:${c.id}`,
        source: c.id,
        target: partner.id,
        targetHandle: 'stack',
        type: 'straight',
        label: `shares ${partner.name}'s stack`,
        style: { strokeDasharray: '2 4', stroke: '#64748b' },
        reconnectable: false,
        selectable: false,
      })),
    );
  }
}

/** A link asked for but not yet confirmed by a patch: drawn dashed, so the drop has an answer at once. */
function pendingEdges({ topology: t, pending }: ElementInputs, edges: BoardEdge[]): void {
  for (const key of pending.connecting) {
    if (own(t.endpoints, key)) continue;
    const [networkId = '', containerId = ''] = key.split('/');
    const n = own(t.networks, networkId);
    const c = own(t.containers, containerId);
    if (!n || !c) continue;
    edges.push({
      id: `pending:${endpointKey(networkId, containerId)}`,
      type: 'endpoint',
      source: c.id,
      target: n.id,
      reconnectable: false,
      data: {
        endpoint: null,
        networkName: n.name,
        containerName: c.name,
        pending: 'connecting',
        dimmed: false,
        onRemove: null,
        targetOffset: 0,
      },
    });
  }
}
