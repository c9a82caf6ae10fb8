import { isDefaultBridge, own, type Container, type Network, type Topology } from '@bridgeboard/topology';
import { containersToRecheck, remember, sharingOf, sourceOf } from './layout-source';
import { lowestFree, placeNewcomers, SlotEdit, type Newcomer, type Slots } from './place-slots';
import type { BoardLayout } from './board-layout';
import { emptyLayout } from './board-layout';
import { remoteMembers } from './remote-members';

export { emptyLayout, type BoardLayout } from './board-layout';

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
  defaultBridge: string | null;
  /** The network of a container's first link (in the endpoints' order), for those in `only` (null: all). */
  firstLink: (containerId: string) => string | undefined;
}

function indexOf(t: Topology, only: ReadonlySet<string> | null = null): Index {
  const byName = new Map<string, string>();
  const byDriver = new Map<string, string>();
  let defaultBridge: string | null = null;
  for (const n of Object.values(t.networks)) {
    byName.set(n.name, n.id);
    if (!byDriver.has(n.driver)) byDriver.set(n.driver, n.id);
    if (defaultBridge === null && isDefaultBridge(n)) defaultBridge = n.id;
  }
  // Walked at most once, and only if some container's home depends on it (a `--network` one does not).
  let links: Map<string, string> | null = null;
  const firstLinks = () => {
    const found = new Map<string, string>();
    for (const key in t.endpoints) {
      const e = own(t.endpoints, key);
      if (!e || (only && !only.has(e.containerId)) || found.has(e.containerId)) continue;
      if (own(t.networks, e.networkId)) found.set(e.containerId, e.networkId);
    }
    return found;
  };
  return { byName, byDriver, defaultBridge, firstLink: (id) => (links ??= firstLinks()).get(id) };
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
  return index.firstLink(container.id) ?? index.defaultBridge;
}

/** Columns: kept by every network that had one; newcomers, in rank then name order, take the lowest free. */
function placeColumns(t: Topology, prev: BoardLayout): BoardLayout['columns'] {
  const columns: BoardLayout['columns'] = {};
  const usedColumns = new Set<number>();
  const newcomers: Network[] = [];
  for (const n of Object.values(t.networks)) {
    const old = own(prev.columns, n.id);
    if (old === undefined) newcomers.push(n);
    else {
      columns[n.id] = old;
      usedColumns.add(old);
    }
  }
  for (const n of newcomers.sort(byRankThenName)) {
    const index = lowestFree(usedColumns);
    columns[n.id] = index;
    usedColumns.add(index);
  }
  // The same networks as before: the same object, so whoever memoises on it skips work.
  return newcomers.length === 0 && usedColumns.size === Object.keys(prev.columns).length ? prev.columns : columns;
}

/**
 * The layout after `t`, from the one before. What was placed keeps its place; only newcomers (and
 * things whose home changed) are placed, and when nothing was placed or freed the very same
 * layout object comes back, so memoised consumers skip work. Only what changed since `prev` was
 * made is looked at (see layout-source.ts), unless the networks changed or `prev` is not known.
 */
export function layoutBoard(t: Topology, prev: BoardLayout = emptyLayout): BoardLayout {
  const source = sourceOf(prev);
  const incremental = source !== undefined && source.networks === t.networks;
  const { recheck, sharing } = incremental
    ? containersToRecheck(t, source)
    : { recheck: everyId(Object.keys(t.containers), prev.slots), sharing: sharingOf(t) };
  const index = indexOf(t, incremental ? recheck : null);
  const slots = new SlotEdit(prev.slots);
  const containers: Newcomer[] = [];
  for (const id of recheck) {
    const c = own(t.containers, id);
    const old = own(prev.slots, id);
    const home = c ? homeNetwork(t, c, index) : null;
    if (old && old.network === home) continue;
    if (old) slots.free(id);
    if (c && home) containers.push({ id, name: c.name, home });
  }

  const remote = remoteMembers(t);
  const members = new SlotEdit(prev.members);
  const memberNewcomers: Newcomer[] = [];
  if (source?.members !== remote) {
    for (const key of everyId(remote.keys(), prev.members)) {
      const m = remote.get(key);
      const old = own(prev.members, key);
      if (old && old.network === m?.networkId) continue;
      if (old) members.free(key);
      if (m) memberNewcomers.push({ id: key, name: m.name, home: m.networkId });
    }
  }
  placeNewcomers([
    { edit: slots, newcomers: containers },
    { edit: members, newcomers: memberNewcomers },
  ]);

  const columns = incremental ? prev.columns : placeColumns(t, prev);
  const unchanged = columns === prev.columns && slots.result() === prev.slots && members.result() === prev.members;
  const next = unchanged ? prev : { columns, slots: slots.result(), members: members.result() };
  remember(next, t, remote, sharing);
  return next;
}

/** The ids of a table and of the slots placed before, each once: those gone must be freed too. */
function everyId(keys: Iterable<string>, placed: Slots): Set<string> {
  const ids = new Set(keys);
  for (const id in placed) if (Object.hasOwn(placed, id)) ids.add(id);
  return ids;
}
