import { own } from './lookup.js';
import { membersFromVerbose, nodeFromEngine, serviceFromEngine, taskFromEngine } from './from-swarm.js';
import type { EngineNetworkWithEndpoints, EngineNode, EngineService, EngineTask, EngineVerboseNetwork } from './engine-types.js';
import type { Endpoint, Network, OverlayMember, ServicePort, SwarmNode, Topology } from './types.js';
import { emptySwarm, endpointKey } from './types.js';

/** What a swarm manager's engine says beyond networks and containers, read in one relist. */
export interface SwarmLists {
  /** This engine's node id (`/info` Swarm.NodeID). */
  selfId: string;
  nodes: EngineNode[];
  services: EngineService[];
  tasks: EngineTask[];
  /** Verbose inspect of each swarm-scoped network. */
  overlays: EngineVerboseNetwork[];
  /** Inspect of `docker_gwbridge`, whose endpoints the containers' own inspect does not list. */
  gateway?: EngineNetworkWithEndpoints | null;
}

const table = <T>(entries: [string, T][]): Record<string, T> => Object.fromEntries(entries);

export function swarmFromEngine(s: SwarmLists | null): Pick<Topology, 'nodes' | 'services' | 'tasks' | 'members'> {
  if (!s) return emptySwarm();
  return {
    nodes: table(s.nodes.map((n) => [n.ID, nodeFromEngine(n, s.selfId)])),
    services: table(s.services.map((v) => [v.ID, serviceFromEngine(v)])),
    tasks: table(s.tasks.map((t) => [t.ID, taskFromEngine(t)])),
    members: Object.assign({}, ...s.overlays.map(membersFromVerbose)) as Record<string, OverlayMember>,
  };
}

/* Targeted updates, one per thing an event names: each shares what it did not touch. */

export function putNodes(t: Topology, nodes: EngineNode[], selfId: string | null): Topology {
  return { ...t, nodes: table(nodes.map((n) => [n.ID, nodeFromEngine(n, selfId)])) };
}

/** A service and its tasks as they stand now; `raw` null means the service is gone (and its tasks with it). */
export function putService(t: Topology, serviceId: string, raw: EngineService | null, tasks: EngineTask[]): Topology {
  const { [serviceId]: _old, ...services } = t.services;
  const kept = Object.entries(t.tasks).filter(([, task]) => task.serviceId !== serviceId);
  return {
    ...t,
    services: raw ? { ...services, [serviceId]: serviceFromEngine(raw) } : services,
    tasks: table([...kept, ...(raw ? tasks.map((x): [string, ReturnType<typeof taskFromEngine>] => [x.ID, taskFromEngine(x)]) : [])]),
  };
}

/** Every task, as the manager lists them now. */
export function putTasks(t: Topology, tasks: EngineTask[]): Topology {
  return { ...t, tasks: table(tasks.map((x) => [x.ID, taskFromEngine(x)])) };
}

/** The members of one swarm-scoped network, replaced by what its verbose inspect lists now. */
export function putMembers(t: Topology, networkId: string, raw: EngineVerboseNetwork | null): Topology {
  const kept = Object.entries(t.members).filter(([, m]) => m.networkId !== networkId);
  return { ...t, members: { ...table(kept), ...(raw ? membersFromVerbose(raw) : {}) } };
}

/**
 * The endpoints on docker_gwbridge: each container with an overlay endpoint gets a second interface
 * there (`gateway_<sandbox>`), its way out and in through published host ports. The container's
 * own inspect does not list it; the bridge's inspect does, keyed by container id. Replaces every
 * endpoint on that network by what `raw` lists for containers the topology holds.
 */
export function putGatewayEndpoints(t: Topology, raw: EngineNetworkWithEndpoints | null): Topology {
  if (!raw || !own(t.networks, raw.Id)) return t;
  const endpoints: Topology['endpoints'] = {};
  for (const [key, e] of Object.entries(t.endpoints)) if (e.networkId !== raw.Id) endpoints[key] = e;
  for (const [containerId, c] of Object.entries(raw.Containers ?? {})) {
    // `ingress-sbox` and the like are the engine's own sandboxes, not containers.
    if (!own(t.containers, containerId)) continue;
    const [ipv4, prefix] = (c.IPv4Address ?? '').split('/');
    const endpoint: Endpoint = {
      networkId: raw.Id,
      containerId,
      endpointId: c.EndpointID ?? '',
      ipv4: ipv4 || null,
      ipv4PrefixLen: ipv4 && prefix ? Number(prefix) : null,
      ipv6: c.IPv6Address?.split('/')[0] || null,
      mac: c.MacAddress || null,
      gateway: null,
      aliases: [],
      dnsNames: [],
      ipamConfig: { ipv4: null, ipv6: null },
    };
    Object.defineProperty(endpoints, endpointKey(raw.Id, containerId), {
      value: endpoint,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return { ...t, endpoints };
}

/* Reading the swarm off a topology. */

export const isSwarmScoped = (n: Network): boolean => n.scope === 'swarm';

/** What a network is for in a swarm, when that is its reason to exist. */
export function swarmRole(n: Network): 'ingress' | 'gateway' | 'overlay' | null {
  if (n.ingress) return 'ingress';
  // Made by swarm init/join on every node: overlay containers reach outside (and published host ports) through it.
  if (n.name === 'docker_gwbridge' && n.driver === 'bridge') return 'gateway';
  if (n.driver === 'overlay') return 'overlay';
  return null;
}

export const selfNode = (t: Topology): SwarmNode | null => Object.values(t.nodes).find((n) => n.self) ?? null;

export function nodeAt(t: Topology, addr: string): SwarmNode | null {
  return Object.values(t.nodes).find((n) => n.addr === addr) ?? null;
}

export interface OverlaySpan {
  /** This engine's own endpoints on the overlay. */
  local: Endpoint[];
  /** Endpoints on other nodes, each once. */
  remote: OverlayMember[];
  /** Addresses of the nodes it has endpoints on, sorted. */
  nodeAddrs: string[];
}

const EMPTY_SPAN: OverlaySpan = { local: [], remote: [], nodeAddrs: [] };
const spansOf = new WeakMap<Topology, Map<string, OverlaySpan>>();

/**
 * Running tasks' addresses on an overlay, as members: a node learns an overlay's endpoints only
 * while something on it is attached there, so a manager with nothing of its own on an overlay
 * gets no verbose list for it (checked: `Services: null`); its task list still says where each
 * task runs and at which address. Standalone containers of other nodes stay unknown then.
 */
function membersFromTasks(t: Topology, networkId: string): OverlayMember[] {
  const out: OverlayMember[] = [];
  for (const task of Object.values(t.tasks)) {
    if (task.state !== 'running') continue;
    const at = task.addresses.find((a) => a.networkId === networkId);
    const node = own(t.nodes, task.nodeId);
    const service = own(t.services, task.serviceId);
    if (!at || !node || !service) continue;
    out.push({
      networkId,
      endpointId: `task:${task.id}`,
      name: `${service.name}.${task.slot ?? task.nodeId}.${task.id}`,
      ipv4: at.addr.split('/')[0] ?? null,
      nodeAddr: node.addr,
      service: service.name,
    });
  }
  return out;
}

/**
 * Every swarm-scoped network across every node, in one pass over the endpoints and members:
 * this engine's own endpoints on it, and the members on other nodes, each once. The manager's
 * verbose inspect lists its own endpoints too; they are matched by endpoint id and shown as the
 * containers they are. Made once per topology object (the board asks per network, per render).
 */
export function overlaySpans(t: Topology): Map<string, OverlaySpan> {
  const known = spansOf.get(t);
  if (known) return known;
  const local = new Map<string, Endpoint[]>();
  const members = new Map<string, OverlayMember[]>();
  for (const e of Object.values(t.endpoints)) {
    const n = own(t.networks, e.networkId);
    if (!n || !isSwarmScoped(n)) continue;
    const list = local.get(e.networkId);
    if (list) list.push(e);
    else local.set(e.networkId, [e]);
  }
  for (const m of Object.values(t.members)) {
    const list = members.get(m.networkId);
    if (list) list.push(m);
    else members.set(m.networkId, [m]);
  }
  const self = selfNode(t);
  const spans = new Map<string, OverlaySpan>();
  for (const n of Object.values(t.networks)) {
    if (!isSwarmScoped(n)) continue;
    const mine = local.get(n.id) ?? [];
    const localIds = new Set(mine.map((e) => e.endpointId).filter(Boolean));
    const listed = members.get(n.id) ?? membersFromTasks(t, n.id);
    const remote = listed.filter(
      (m) => !localIds.has(m.endpointId) && !(self && m.nodeAddr === self.addr && m.endpointId.startsWith('task:')),
    );
    const nodeAddrs = [...new Set([...(mine.length > 0 && self ? [self.addr] : []), ...listed.map((m) => m.nodeAddr)])].sort();
    spans.set(n.id, { local: mine, remote, nodeAddrs });
  }
  spansOf.set(t, spans);
  return spans;
}

/** One overlay across every node (see `overlaySpans`). */
export const overlaySpan = (t: Topology, networkId: string): OverlaySpan => overlaySpans(t).get(networkId) ?? EMPTY_SPAN;

/** The service a member is a task of, by name. */
export function serviceOf(t: Topology, member: OverlayMember) {
  return member.service === null ? null : (Object.values(t.services).find((s) => s.name === member.service) ?? null);
}

/** A service's published port, and which nodes answer on it. */
export interface SwarmPublishedPort {
  service: string;
  protocol: ServicePort['protocol'];
  targetPort: number;
  publishedPort: number;
  publishMode: ServicePort['publishMode'];
  /**
   * Nodes that accept connections on the published port: with `ingress` every node of the swarm
   * (the routing mesh forwards to a task wherever it runs); with `host`, only a node running a task.
   */
  listensOn: string[];
  /** Nodes running a task of the service, which the connection ends up at. */
  servedBy: string[];
}

const nodeName = (t: Topology, id: string): string => {
  const n = own(t.nodes, id);
  return n ? n.hostname || n.addr : id.slice(0, 12);
};

/** Every published port of every service (a manager's view; a worker has no services). */
export function swarmExposure(t: Topology): SwarmPublishedPort[] {
  const out: SwarmPublishedPort[] = [];
  for (const s of Object.values(t.services)) {
    const running = Object.values(t.tasks).filter((task) => task.serviceId === s.id && task.state === 'running');
    const servedBy = [...new Set(running.map((task) => nodeName(t, task.nodeId)))].sort();
    const everyNode = Object.values(t.nodes)
      .filter((n) => n.state === 'ready')
      .map((n) => nodeName(t, n.id))
      .sort();
    for (const p of s.ports) {
      out.push({ service: s.name, ...p, listensOn: p.publishMode === 'ingress' ? everyNode : servedBy, servedBy });
    }
  }
  return out.sort((a, b) => a.service.localeCompare(b.service) || a.publishedPort - b.publishedPort);
}
