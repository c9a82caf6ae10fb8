import { isDefaultBridge, own, type Container, type Network, type Topology } from '@bridgeboard/topology';
import { lowestFree, placeSlots, type Hanging, type Slot } from './place-slots';
import { remoteMembers } from './remote-members';

/**
 * Where everything stands on the board. Pure, and stable: what was placed keeps its place when
 * something else appears or goes, so nothing jumps when a container joins. Each network is a
 * column (its bridge on top); each container hangs in a slot under its home network, and so does
 * each member of a swarm overlay that runs on another node: containers and members share the
 * column's slots, so neither pushes the other.
 */
export interface BoardLayout {
  /** Network id → column index. */
  columns: Record<string, number>;
  /** Container id → its home network id and slot index in that column. */
  slots: Record<string, Slot>;
  /** Overlay member key (`networkId/endpointId`) of a member on another node → its slot under that overlay. */
  members: Record<string, Slot>;
}

export const emptyLayout: BoardLayout = { columns: {}, slots: {}, members: {} };

/** Default bridge first, then user-defined bridges, other drivers, and the host and none modes last. */
function networkRank(n: Network): number {
  if (isDefaultBridge(n)) return 0;
  if (n.driver === 'bridge') return 1;
  if (n.driver === 'host') return 3;
  if (n.driver === 'null') return 4;
  return 2;
}

const byRankThenName = (a: Network, b: Network) => networkRank(a) - networkRank(b) || a.name.localeCompare(b.name);

/** Lookups built once per layout: resolving homes must not cost containers × networks. */
interface Index {
  byName: Map<string, string>;
  byDriver: Map<string, string>;
  firstLink: Map<string, string>;
  defaultBridge: string | null;
}

function indexOf(t: Topology): Index {
  const byName = new Map<string, string>();
  const byDriver = new Map<string, string>();
  let defaultBridge: string | null = null;
  for (const n of Object.values(t.networks)) {
    byName.set(n.name, n.id);
    if (!byDriver.has(n.driver)) byDriver.set(n.driver, n.id);
    if (defaultBridge === null && isDefaultBridge(n)) defaultBridge = n.id;
  }
  const firstLink = new Map<string, string>();
  for (const e of Object.values(t.endpoints))
    if (!firstLink.has(e.containerId) && own(t.networks, e.networkId)) firstLink.set(e.containerId, e.networkId);
  return { byName, byDriver, firstLink, defaultBridge };
}

/** The network a container is drawn under: the one it was created on (its mode), else its first link. */
export function homeNetwork(t: Topology, container: Container, index: Index = indexOf(t), seen = new Set<string>()): string | null {
  const mode = container.networkMode;
  if (mode.kind === 'host') return index.byDriver.get('host') ?? null;
  if (mode.kind === 'none') return index.byDriver.get('null') ?? null;
  if (mode.kind === 'container') {
    // Drawn with the container whose stack it shares.
    const target = own(t.containers, mode.container);
    if (target && !seen.has(target.id)) return homeNetwork(t, target, index, seen.add(container.id));
  }
  if (mode.kind === 'network') {
    // `--network <name or id>` as given at run time: a network may be named `constructor`.
    const home = own(t.networks, mode.network) ? mode.network : index.byName.get(mode.network);
    if (home) return home;
  }
  return index.firstLink.get(container.id) ?? index.defaultBridge;
}

function placeColumns(t: Topology, prev: BoardLayout): BoardLayout['columns'] {
  const columns: BoardLayout['columns'] = {};
  const usedColumns = new Set<number>();
  for (const id of Object.keys(t.networks)) {
    const old = own(prev.columns, id);
    if (old !== undefined) {
      columns[id] = old;
      usedColumns.add(old);
    }
  }
  for (const n of Object.values(t.networks).sort(byRankThenName)) {
    if (own(columns, n.id) !== undefined) continue;
    const index = lowestFree(usedColumns);
    columns[n.id] = index;
    usedColumns.add(index);
  }
  return columns;
}

export function layoutBoard(t: Topology, prev: BoardLayout = emptyLayout): BoardLayout {
  const index = indexOf(t);
  // Newcomers by name, this engine's containers before other nodes' members.
  const containers: Hanging = Object.values(t.containers)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((c) => [c.id, homeNetwork(t, c, index)]);
  const members: Hanging = [...remoteMembers(t)].sort(([, a], [, b]) => a.name.localeCompare(b.name)).map(([key, m]) => [key, m.networkId]);
  const [slots = {}, memberSlots = {}] = placeSlots([
    { hanging: containers, prev: prev.slots },
    { hanging: members, prev: prev.members },
  ]);
  return { columns: placeColumns(t, prev), slots, members: memberSlots };
}
