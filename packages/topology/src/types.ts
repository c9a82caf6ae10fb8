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

export interface Topology {
  rev: number;
  networks: Record<string, Network>;
  containers: Record<string, Container>;
  /** Keyed by `endpointKey(networkId, containerId)`. */
  endpoints: Record<string, Endpoint>;
}

export type Kind = 'networks' | 'containers' | 'endpoints';

export type PatchOp =
  | { op: 'put'; kind: 'networks'; key: string; value: Network }
  | { op: 'put'; kind: 'containers'; key: string; value: Container }
  | { op: 'put'; kind: 'endpoints'; key: string; value: Endpoint }
  | { op: 'del'; kind: Kind; key: string };

export interface Patch {
  rev: number;
  ops: PatchOp[];
}

export const endpointKey = (networkId: string, containerId: string): string => `${networkId}/${containerId}`;

export const emptyTopology = (): Topology => ({ rev: 0, networks: {}, containers: {}, endpoints: {} });
