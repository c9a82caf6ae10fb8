/**
 * The parts of the engine's own JSON that the core reads: `GET /networks` (or `/networks/{id}`)
 * and `GET /containers/{id}/json`. Field names are the engine's. Optional fields differ by
 * API version (DNSNames arrived in 1.44; 1.45 dropped the short id from Aliases).
 */

export interface EngineIpamConfig {
  Subnet?: string;
  Gateway?: string;
  IPRange?: string;
  AuxiliaryAddresses?: Record<string, string> | null;
}

export interface EngineNetwork {
  Id: string;
  Name: string;
  Driver: string;
  Scope?: string;
  Created?: string;
  EnableIPv6?: boolean;
  Internal?: boolean;
  Attachable?: boolean;
  Ingress?: boolean;
  IPAM?: { Driver?: string; Config?: EngineIpamConfig[] | null; Options?: Record<string, string> | null };
  Options?: Record<string, string> | null;
  Labels?: Record<string, string> | null;
}

export interface EngineEndpointSettings {
  IPAMConfig?: { IPv4Address?: string; IPv6Address?: string } | null;
  Links?: string[] | null;
  Aliases?: string[] | null;
  DNSNames?: string[] | null;
  NetworkID?: string;
  EndpointID?: string;
  Gateway?: string;
  IPAddress?: string;
  IPPrefixLen?: number;
  GlobalIPv6Address?: string;
  MacAddress?: string;
  /** Per-endpoint driver options (`docker network connect --driver-opt`). */
  DriverOpts?: Record<string, string> | null;
  /** Which network's gateway wins as the default route (API 1.48+, `--gw-priority`). */
  GwPriority?: number;
}

export interface EngineContainer {
  Id: string;
  Name: string;
  Created?: string;
  Config?: { Image?: string; Labels?: Record<string, string> | null } | null;
  State?: { Status?: string; Pid?: number } | null;
  HostConfig?: { NetworkMode?: string; Links?: string[] | null; Privileged?: boolean } | null;
  NetworkSettings?: {
    Networks?: Record<string, EngineEndpointSettings> | null;
    Ports?: Record<string, { HostIp: string; HostPort: string }[] | null> | null;
  } | null;
}

/** `GET /networks/{id}`: the endpoints on this node, keyed by container id (or a sandbox's own name). */
export interface EngineNetworkWithEndpoints extends EngineNetwork {
  Containers?: Record<
    string,
    { Name?: string; EndpointID?: string; MacAddress?: string; IPv4Address?: string; IPv6Address?: string }
  > | null;
}

/** `GET /networks/{id}?verbose=true` on a swarm manager adds, per service, every task on every node. */
export interface EngineVerboseNetwork extends EngineNetwork {
  Services?: Record<
    string,
    { VIP?: string; Tasks?: { Name: string; EndpointID: string; EndpointIP?: string; Info?: Record<string, string> | null }[] | null }
  > | null;
}

export interface EngineNode {
  ID: string;
  Description?: { Hostname?: string; Engine?: { EngineVersion?: string } } | null;
  Spec?: { Role?: string; Availability?: string } | null;
  Status?: { State?: string; Addr?: string } | null;
  ManagerStatus?: { Leader?: boolean; Addr?: string } | null;
}

export interface EngineServicePort {
  Protocol?: string;
  TargetPort?: number;
  PublishedPort?: number;
  PublishMode?: string;
}

export interface EngineService {
  ID: string;
  Spec?: {
    Name?: string;
    Labels?: Record<string, string> | null;
    Mode?: { Replicated?: { Replicas?: number }; Global?: object } | null;
    TaskTemplate?: { ContainerSpec?: { Image?: string }; Networks?: { Target: string }[] | null } | null;
    EndpointSpec?: { Mode?: string; Ports?: EngineServicePort[] | null } | null;
  } | null;
  Endpoint?: { Ports?: EngineServicePort[] | null; VirtualIPs?: { NetworkID: string; Addr: string }[] | null } | null;
}

export interface EngineTask {
  ID: string;
  ServiceID: string;
  Slot?: number;
  NodeID?: string;
  DesiredState?: string;
  Status?: { State?: string; Err?: string; ContainerStatus?: { ContainerID?: string } | null } | null;
  NetworksAttachments?: { Network: { ID: string }; Addresses?: string[] | null }[] | null;
}
