import { own, type NetworkMode, type OverlayMember, type Topology } from '@bridgeboard/topology';
import type { BoardLayout } from './board-layout';
import { changedKeys } from './table-changes';

/**
 * The tables a layout was made from. The next layout looks only at what changed since (by
 * identity, see changedKeys), so a patch that touches one container does not walk, let alone
 * sort, the other 2,000. Kept beside the layout rather than in it: the layout stays plain data.
 */
export interface LayoutSource {
  networks: Topology['networks'];
  containers: Topology['containers'];
  endpoints: Topology['endpoints'];
  members: ReadonlyMap<string, OverlayMember>;
  /** Containers in `container:X` mode: drawn with X, so they move when X does. */
  sharing: ReadonlySet<string>;
}

const sources = new WeakMap<BoardLayout, LayoutSource>();

export const sourceOf = (layout: BoardLayout): LayoutSource | undefined => sources.get(layout);

export function remember(
  layout: BoardLayout,
  t: Topology,
  members: ReadonlyMap<string, OverlayMember>,
  sharing: ReadonlySet<string>,
): void {
  sources.set(layout, { networks: t.networks, containers: t.containers, endpoints: t.endpoints, members, sharing });
}

/** Every container in `container:X` mode, found by walking them all (a first layout, or the networks changed). */
export function sharingOf(t: Topology): Set<string> {
  const sharing = new Set<string>();
  for (const id in t.containers) if (own(t.containers, id)?.networkMode.kind === 'container') sharing.add(id);
  return sharing;
}

/**
 * The containers whose home may have changed since `source`: those changed, added or removed,
 * those with a link changed, and (when any is) every container sharing another's stack, with the
 * chain of containers it shares, since its home is theirs. Also the updated `sharing` set.
 */
export function containersToRecheck(t: Topology, source: LayoutSource): { recheck: Set<string>; sharing: ReadonlySet<string> } {
  const recheck = new Set(changedKeys(source.containers, t.containers));
  let sharing = source.sharing;
  for (const id of recheck) {
    const shares = own(t.containers, id)?.networkMode.kind === 'container';
    if (shares === sharing.has(id)) continue;
    const edited = sharing === source.sharing ? new Set(sharing) : (sharing as Set<string>);
    if (shares) edited.add(id);
    else edited.delete(id);
    sharing = edited;
  }
  for (const key of changedKeys(source.endpoints, t.endpoints)) {
    const e = own(t.endpoints, key) ?? own(source.endpoints, key);
    if (e) recheck.add(e.containerId);
  }
  if (recheck.size === 0) return { recheck, sharing };
  for (const id of sharing) {
    const chain = new Set<string>();
    for (let at: string | undefined = id; at !== undefined && !chain.has(at);) {
      chain.add(at);
      recheck.add(at);
      const mode: NetworkMode | undefined = own(t.containers, at)?.networkMode;
      at = mode?.kind === 'container' ? mode.container : undefined;
    }
  }
  return { recheck, sharing };
}
