/** The topology as Bridgeboard sees it: plain JSON, keyed by engine ids, shared by api and web. */

export interface IpamConfig {
  subnet: string;
  gateway: string | null;
  ipRange: string | null;
  auxAddresses: Record<string, string>;
}

export interface Network {
  id: string;
  name: string;
  driver: string;
  scope: string;
  internal: boolean;
  attachable: boolean;
  ingress: boolean;
  enableIPv6: boolean;
  ipam: { driver: string; config: IpamConfig[]; options: Record<string, string> };
  /** Driver options as the engine keeps them (`com.docker.network.driver.mtu`, …). */
  options: Record<string, string>;
  labels: Record<string, string>;
  created: string;
  /** `bridge`, `host` and `none`: made by the engine, never removable. */
  system: boolean;
  /** The Linux bridge behind a bridge-driver network (`docker0`, `br-<id12>`), else null. */
  hostInterface: string | null;
}

export type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

/** How the container's network stack was made (`docker run --network …`). */
export type NetworkMode =
  | { kind: 'bridge' } // the default bridge
  | { kind: 'network'; network: string } // a user-defined network given at run time
  | { kind: 'host' }
  | { kind: 'none' }
  | { kind: 'container'; container: string }; // shares this container's stack (id as the engine gives it)

export interface PublishedPort {
  containerPort: number;
  protocol: 'tcp' | 'udp' | 'sctp';
  hostIp: string;
  hostPort: number;
}

export interface Link {
  /** The container linked to (its name). */
  container: string;
  /** The name under which it is reachable from this container. */
  alias: string;
}

export interface Container {
  id: string;
  name: string;
  image: string;
  state: ContainerState;
  networkMode: NetworkMode;
  privileged: boolean;
  ports: PublishedPort[];
  links: Link[];
  labels: Record<string, string>;
  composeProject: string | null;
  created: string;
}

/** One container on one network. */
export interface Endpoint {
  networkId: string;
  containerId: string;
  /** Empty while the container is not running: the attachment is configured but not live. */
  endpointId: string;
  ipv4: string | null;
  ipv4PrefixLen: number | null;
  ipv6: string | null;
  mac: string | null;
  gateway: string | null;
  /** Aliases the user gave (the engine's short-id alias is left out; it is in dnsNames). */
  aliases: string[];
  /** Every name the network's DNS answers for this container here; empty on the default bridge. */
  dnsNames: string[];
  /** Static addresses requested at connect time. */
  ipamConfig: { ipv4: string | null; ipv6: string | null };
}

/** A swarm node, as the manager lists it (`GET /nodes`). */
export interface SwarmNode {
  id: string;
  hostname: string;
  role: 'manager' | 'worker';
  leader: boolean;
  /** `ready`, `down`, `disconnected`, `unknown`. */
  state: string;
  /** `active`, `pause`, `drain`. */
  availability: string;
  /** The address the node is reached at; overlay endpoints name their node by it. */
  addr: string;
  engineVersion: string;
  /** The node this engine is. */
  self: boolean;
}

export interface ServicePort {
  protocol: 'tcp' | 'udp' | 'sctp';
  targetPort: number;
  publishedPort: number;
  /** `ingress`: the routing mesh answers on every node; `host`: only the node running the task. */
  publishMode: 'ingress' | 'host';
}

export interface SwarmService {
  id: string;
  name: string;
  image: string;
  mode: 'replicated' | 'global';
  /** Desired replicas; null for a global service. */
  replicas: number | null;
  /** `vip`: one virtual IP per network load-balances to the tasks; `dnsrr`: the name answers every task. */
  endpointMode: 'vip' | 'dnsrr';
  /** The service's virtual IP on each network it is on (with prefix, as the engine gives it). */
  vips: { networkId: string; addr: string }[];
  ports: ServicePort[];
  /** Ids of the networks its tasks attach to. */
  networks: string[];
  labels: Record<string, string>;
}

export interface SwarmTask {
  id: string;
  serviceId: string;
  /** Replica number; null for a global service's tasks. */
  slot: number | null;
  nodeId: string;
  /** `running`, `pending`, `failed`, `shutdown`, … */
  state: string;
  desiredState: string;
  containerId: string | null;
  /** Its address on each network (with prefix). */
  addresses: { networkId: string; addr: string }[];
  error: string | null;
}

/**
 * An endpoint on a swarm-scoped network, on any node, as the manager's verbose network inspect
 * lists it: the only view of an overlay that spans nodes (a node's own inspect lists its own).
 */
export interface OverlayMember {
  networkId: string;
  endpointId: string;
  /** The container's name; for a service task `service.slot.taskId`. */
  name: string;
  ipv4: string | null;
  /** The address of the node it runs on (`SwarmNode.addr`). */
  nodeAddr: string;
  /** The service it is a task of; null for a standalone container. */
  service: string | null;
}

export interface Topology {
  rev: number;
  networks: Record<string, Network>;
  containers: Record<string, Container>;
  /** Keyed by `endpointKey(networkId, containerId)`. */
  endpoints: Record<string, Endpoint>;
  /** Swarm: filled only when the engine is a swarm manager (a worker cannot list them). */
  nodes: Record<string, SwarmNode>;
  services: Record<string, SwarmService>;
  tasks: Record<string, SwarmTask>;
  /** Keyed by `endpointKey(networkId, endpointId)`. */
  members: Record<string, OverlayMember>;
}

export type Kind = 'networks' | 'containers' | 'endpoints' | 'nodes' | 'services' | 'tasks' | 'members';

export const KINDS: readonly Kind[] = ['networks', 'containers', 'endpoints', 'nodes', 'services', 'tasks', 'members'];

export type PatchOp =
  | { op: 'put'; kind: 'networks'; key: string; value: Network }
  | { op: 'put'; kind: 'containers'; key: string; value: Container }
  | { op: 'put'; kind: 'endpoints'; key: string; value: Endpoint }
  | { op: 'put'; kind: 'nodes'; key: string; value: SwarmNode }
  | { op: 'put'; kind: 'services'; key: string; value: SwarmService }
  | { op: 'put'; kind: 'tasks'; key: string; value: SwarmTask }
  | { op: 'put'; kind: 'members'; key: string; value: OverlayMember }
  | { op: 'del'; kind: Kind; key: string };

export interface Patch {
  rev: number;
  ops: PatchOp[];
}

export const endpointKey = (networkId: string, containerId: string): string => `${networkId}/${containerId}`;

export const emptySwarm = (): Pick<Topology, 'nodes' | 'services' | 'tasks' | 'members'> => ({
  nodes: {},
  services: {},
  tasks: {},
  members: {},
});

export const emptyTopology = (): Topology => ({ rev: 0, networks: {}, containers: {}, endpoints: {}, ...emptySwarm() });
