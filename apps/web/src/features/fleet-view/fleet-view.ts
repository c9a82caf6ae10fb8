import type { EngineSummary } from '@bridgeboard/contract';
import { isSwarmScoped, nodeAt, own, overlaySpan, selfNode, type Topology } from '@bridgeboard/topology';
import { sandboxOf } from '../swarm/swarm-names';
import { orderEngines } from './engine-order';

export interface FleetInput {
  engines: EngineSummary[];
  /** By engine id; undefined while that engine's topology is not known (loading, refused, down). */
  topologies: Record<string, Topology | undefined>;
}

/** A network of one engine alone (not swarm-scoped), with how many containers are on it. */
export interface FleetNetwork {
  id: string;
  name: string;
  driver: string;
  containers: number;
}

/** One engine, drawn as a group. */
export interface FleetGroup {
  id: string;
  name: string;
  reachable: boolean;
  role: 'manager' | 'worker' | null;
  /** Null until its topology is known. */
  counts: { networks: number; overlays: number; containers: number; running: number } | null;
  networks: FleetNetwork[];
}

/** A swarm node an overlay reaches. */
export interface OverlayNode {
  /** Its hostname, else its address (a worker's view knows no other node's name). */
  name: string;
  addr: string;
  /** The engine this node is, when it is registered as one. */
  engine: string | null;
  /** Endpoints of containers and tasks there (the engine's own sandboxes left out). */
  endpoints: number;
}

/** A swarm overlay, once for the whole fleet, across the groups of the nodes it reaches. */
export interface FleetOverlay {
  id: string;
  name: string;
  ingress: boolean;
  /** The engine whose board shows it best: a manager that lists it (every member), else the first that does. */
  shownOn: string;
  /** Registered nodes in the groups' order, then the others by name. */
  nodes: OverlayNode[];
  /** First and last group (index in `groups`) it reaches; else those of the engines that list it. */
  span: { from: number; to: number };
}

export interface FleetView {
  groups: FleetGroup[];
  overlays: FleetOverlay[];
}

const nodeIdOf = (e: EngineSummary, t: Topology | undefined): string | null => e.swarm?.nodeId ?? (t ? selfNode(t)?.id : null) ?? null;

function groupOf(e: EngineSummary, t: Topology | undefined): FleetGroup {
  const role = e.swarm?.role ?? (t ? selfNode(t)?.role : null) ?? null;
  const base = { id: e.id, name: e.name, reachable: e.status.reachable, role };
  if (!t) return { ...base, counts: null, networks: [] };
  const onNetwork = new Map<string, number>();
  for (const ep of Object.values(t.endpoints)) onNetwork.set(ep.networkId, (onNetwork.get(ep.networkId) ?? 0) + 1);
  const all = Object.values(t.networks);
  const networks = all
    .filter((n) => !isSwarmScoped(n))
    .map((n) => ({ id: n.id, name: n.name, driver: n.driver, containers: onNetwork.get(n.id) ?? 0 }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const containers = Object.values(t.containers);
  return {
    ...base,
    counts: {
      networks: networks.length,
      overlays: all.length - networks.length,
      containers: containers.length,
      running: containers.filter((c) => c.state === 'running').length,
    },
    networks,
  };
}

/**
 * One overlay as every engine that lists it sees it: a manager lists every endpoint on every node,
 * a worker its own and those of the nodes it shares the overlay with. Endpoints are counted once
 * per node, by endpoint id (a stopped container's endpoint has none: counted by its container).
 */
function overlayOf(id: string, listed: { engine: EngineSummary; t: Topology }[], input: FleetInput, order: string[]): FleetOverlay {
  const seen = new Map<string, Set<string>>();
  const at = (addr: string) => seen.get(addr) ?? seen.set(addr, new Set()).get(addr) ?? new Set<string>();
  let name = id;
  let ingress = false;
  for (const { engine, t } of listed) {
    const network = own(t.networks, id);
    name = network?.name ?? name;
    ingress ||= network?.ingress ?? false;
    const span = overlaySpan(t, id);
    const self = selfNode(t);
    for (const addr of span.nodeAddrs) at(addr);
    // A worker lists an overlay only once it has a task or container on it.
    if (self && engine.swarm?.role !== 'manager') at(self.addr);
    if (self) for (const ep of span.local) at(self.addr).add(ep.endpointId || `${engine.id}/${ep.containerId}`);
    for (const m of span.remote) if (!sandboxOf(m)) at(m.nodeAddr).add(m.endpointId);
  }
  const views = Object.values(input.topologies).filter((t): t is Topology => t !== undefined);
  const engineAt = (addr: string): string | null => {
    const nodeId = views.map((t) => nodeAt(t, addr)?.id).find((x) => x !== undefined);
    return input.engines.find((e) => nodeId !== undefined && nodeIdOf(e, input.topologies[e.id]) === nodeId)?.id ?? null;
  };
  const nodes = [...seen].map(([addr, endpoints]): OverlayNode => {
    const hostname = views.map((t) => nodeAt(t, addr)?.hostname).find(Boolean);
    return { name: hostname ?? addr, addr, engine: engineAt(addr), endpoints: endpoints.size };
  });
  const rank = (n: OverlayNode) => (n.engine === null ? order.length : order.indexOf(n.engine));
  nodes.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
  const reached = nodes.flatMap((n) => (n.engine === null ? [] : [order.indexOf(n.engine)]));
  // An overlay with no endpoint anywhere yet reaches no node: drawn across the managers that list it.
  const columns = reached.length > 0 ? reached : listed.map((l) => order.indexOf(l.engine.id));
  const shownOn = (listed.find((l) => l.engine.swarm?.role === 'manager') ?? listed[0])?.engine.id ?? '';
  return { id, name, ingress, shownOn, nodes, span: { from: Math.min(...columns), to: Math.max(...columns) } };
}

/**
 * The fleet as groups, one per engine (its own networks inside), and each swarm overlay once,
 * spanning the groups of the nodes it reaches. An overlay has the same id on every node, so the
 * engines that list it are found by id. Pure: the page feeds it the cached topologies.
 */
export function fleetView(input: FleetInput): FleetView {
  const engines = orderEngines(input.engines, input.topologies);
  const order = engines.map((e) => e.id);
  const groups = engines.map((e) => groupOf(e, input.topologies[e.id]));
  const listing = new Map<string, { engine: EngineSummary; t: Topology }[]>();
  for (const engine of engines) {
    const t = input.topologies[engine.id];
    if (!t) continue;
    for (const n of Object.values(t.networks)) {
      if (isSwarmScoped(n)) listing.set(n.id, [...(listing.get(n.id) ?? []), { engine, t }]);
    }
  }
  const overlays = [...listing].map(([id, listed]) => overlayOf(id, listed, input, order));
  overlays.sort((a, b) => Number(a.ingress) - Number(b.ingress) || a.name.localeCompare(b.name));
  return { groups, overlays };
}
