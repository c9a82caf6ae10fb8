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
