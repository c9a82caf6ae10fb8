import { overlaySpan, own, selfNode, type SwarmService, type Topology } from '@bridgeboard/topology';
import { memberName, nodeName, sandboxOf, serviceOfTask, taskName } from '../swarm/swarm-names';

export interface OverlayRow {
  name: string;
  ipv4: string | null;
  /** The service it is a task of; null for a standalone container. */
  service: string | null;
  /** Set for the engine's own sandbox (routing mesh, load balancer): not a container. */
  sandbox: string | null;
}

/** The endpoints of one node on a swarm-scoped network. */
export interface NodeGroup {
  addr: string;
  /** Hostname, else address. */
  node: string;
  self: boolean;
  rows: OverlayRow[];
}

const byName = (a: OverlayRow, b: OverlayRow) => a.name.localeCompare(b.name);

/**
 * One swarm-scoped network across its nodes, node by node, this engine first: this engine's own
 * containers as its topology has them, the others as the manager's verbose inspect lists them.
 */
export function acrossNodes(t: Topology, networkId: string): NodeGroup[] {
  const span = overlaySpan(t, networkId);
  const self = selfNode(t);
  const groups = new Map<string, NodeGroup>();
  const group = (addr: string): NodeGroup => {
    const found = groups.get(addr);
    if (found) return found;
    const made = {
      addr,
      node: self && addr === self.addr ? self.hostname || addr : nodeName(t, addr),
      self: addr === self?.addr,
      rows: [],
    };
    groups.set(addr, made);
    return made;
  };
  for (const e of span.local) {
    const c = own(t.containers, e.containerId);
    if (!c) continue;
    const service = serviceOfTask(c);
    group(self?.addr ?? '').rows.push({ name: taskName(c.name, service), ipv4: e.ipv4, service, sandbox: null });
  }
  for (const m of span.remote)
    group(m.nodeAddr).rows.push({ name: memberName(m), ipv4: m.ipv4, service: m.service, sandbox: sandboxOf(m) });
  for (const g of groups.values()) g.rows.sort(byName);
  return [...groups.values()].sort((a, b) => Number(b.self) - Number(a.self) || a.node.localeCompare(b.node));
}

export interface ServiceVip {
  service: string;
  endpointMode: SwarmService['endpointMode'];
  /** The service's virtual IP on this network (with prefix); null for `dnsrr`, which has none. */
  addr: string | null;
}

/** Each service on this network, with its VIP here (the manager lists services; a worker cannot). */
export function serviceVips(t: Topology, networkId: string): ServiceVip[] {
  return Object.values(t.services)
    .filter((s) => s.networks.includes(networkId) || s.vips.some((v) => v.networkId === networkId))
    .map((s) => ({ service: s.name, endpointMode: s.endpointMode, addr: s.vips.find((v) => v.networkId === networkId)?.addr ?? null }))
    .sort((a, b) => a.service.localeCompare(b.service));
}
