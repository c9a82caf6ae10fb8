import type { EngineNode, EngineService, EngineServicePort, EngineTask, EngineVerboseNetwork } from './engine-types.js';
import type { OverlayMember, ServicePort, SwarmNode, SwarmService, SwarmTask } from './types.js';
import { endpointKey } from './types.js';

/** Swarm objects from the manager's own JSON (`/nodes`, `/services`, `/tasks`, verbose network inspect). */

export function nodeFromEngine(n: EngineNode, selfId: string | null): SwarmNode {
  return {
    id: n.ID,
    hostname: n.Description?.Hostname ?? '',
    role: n.Spec?.Role === 'manager' ? 'manager' : 'worker',
    leader: n.ManagerStatus?.Leader ?? false,
    state: n.Status?.State ?? 'unknown',
    availability: n.Spec?.Availability ?? 'active',
    addr: n.Status?.Addr ?? '',
    engineVersion: n.Description?.Engine?.EngineVersion ?? '',
    self: n.ID === selfId,
  };
}

const PROTOCOLS = new Set<ServicePort['protocol']>(['tcp', 'udp', 'sctp']);

function portFromEngine(p: EngineServicePort): ServicePort {
  const protocol = PROTOCOLS.has(p.Protocol as ServicePort['protocol']) ? (p.Protocol as ServicePort['protocol']) : 'tcp';
  return {
    protocol,
    targetPort: p.TargetPort ?? 0,
    publishedPort: p.PublishedPort ?? 0,
    publishMode: p.PublishMode === 'host' ? 'host' : 'ingress',
  };
}

export function serviceFromEngine(s: EngineService): SwarmService {
  const spec = s.Spec ?? {};
  const global = spec.Mode?.Global !== undefined;
  // Endpoint.Ports holds the ports as assigned (a published port the engine picked); the spec, as asked.
  const ports = s.Endpoint?.Ports ?? spec.EndpointSpec?.Ports ?? [];
  return {
    id: s.ID,
    name: spec.Name ?? '',
    // `image:tag@sha256:…` as the CLI pins it: the digest is noise on a board.
    image: (spec.TaskTemplate?.ContainerSpec?.Image ?? '').replace(/@sha256:[0-9a-f]+$/, ''),
    mode: global ? 'global' : 'replicated',
    replicas: global ? null : (spec.Mode?.Replicated?.Replicas ?? 1),
    endpointMode: spec.EndpointSpec?.Mode === 'dnsrr' ? 'dnsrr' : 'vip',
    vips: (s.Endpoint?.VirtualIPs ?? []).map((v) => ({ networkId: v.NetworkID, addr: v.Addr })),
    ports: ports.map(portFromEngine),
    networks: (spec.TaskTemplate?.Networks ?? []).map((n) => n.Target),
    labels: { ...(spec.Labels ?? {}) },
  };
}

export function taskFromEngine(t: EngineTask): SwarmTask {
  return {
    id: t.ID,
    serviceId: t.ServiceID,
    slot: t.Slot ?? null,
    nodeId: t.NodeID ?? '',
    state: t.Status?.State ?? 'unknown',
    desiredState: t.DesiredState ?? '',
    containerId: t.Status?.ContainerStatus?.ContainerID || null,
    addresses: (t.NetworksAttachments ?? []).flatMap((a) => (a.Addresses ?? []).map((addr) => ({ networkId: a.Network.ID, addr }))),
    error: t.Status?.Err || null,
  };
}

/** Every endpoint on every node of one swarm-scoped network, keyed by `endpointKey(network, endpoint)`. */
export function membersFromVerbose(n: EngineVerboseNetwork): Record<string, OverlayMember> {
  const members: Record<string, OverlayMember> = {};
  for (const [service, entry] of Object.entries(n.Services ?? {})) {
    for (const task of entry.Tasks ?? []) {
      if (!task.EndpointID) continue;
      const member: OverlayMember = {
        networkId: n.Id,
        endpointId: task.EndpointID,
        name: task.Name,
        ipv4: task.EndpointIP || null,
        nodeAddr: task.Info?.['Host IP'] ?? '',
        // Standalone containers are listed under the service with no name.
        service: service || null,
      };
      Object.defineProperty(members, endpointKey(n.Id, task.EndpointID), {
        value: member,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return members;
}
