import { findContainer, own } from './lookup.js';
import { nodeAt, overlaySpan } from './swarm.js';
import type { ReachPair } from './reachability.js';
import type { Network, OverlayMember, Topology } from './types.js';

/**
 * Who a container reaches on other swarm nodes (issue 12, item 5): every endpoint on an overlay it
 * is on, wherever it runs. The overlay's embedded DNS is cluster-wide (checked on the fleet's
 * two-node swarm: a standalone container on node 1 pings one on node 2 by name, and a service
 * task by its task name), and VXLAN carries the packets between the nodes. A service in `vip`
 * mode also answers at its virtual IP on that overlay, which IPVS in the caller's namespace
 * balances: a kernel without ip_vs (as on the fleet's test machine) assigns the VIP but nothing
 * answers there, which a live probe shows as a difference. A member's aliases are not in the
 * verbose inspect: `aliasesOf` gives them where the engine of its node is known (the fleet's).
 */
export function acrossNodes(t: Topology, from: string, aliasesOf: (m: OverlayMember) => readonly string[] = () => []): ReachPair[] {
  const a = findContainer(t, from);
  if (!a) return [];
  const live = a.state === 'running';
  const overlays = Object.values(t.endpoints)
    .filter((e) => e.containerId === a.id && e.endpointId !== '')
    .map((e) => own(t.networks, e.networkId))
    .filter((n): n is Network => n !== undefined && n.scope === 'swarm' && !n.ingress)
    .sort((x, y) => x.name.localeCompare(y.name));
  const pairs: ReachPair[] = [];
  const where = (m: OverlayMember) => {
    const node = nodeAt(t, m.nodeAddr);
    return node ? `${node.hostname} (${m.nodeAddr})` : m.nodeAddr;
  };
  for (const n of overlays) {
    for (const m of overlaySpan(t, n.id).remote) {
      pairs.push({
        from: a.name,
        to: m.name,
        byName: live,
        byIp: live && m.ipv4 !== null,
        networks: live ? [n.name] : [],
        reason: live ? 'overlay' : 'stopped',
        explanation: live
          ? `${a.name} and ${m.name} are both on the overlay ${n.name}, ${m.name} on node ${where(m)}: the overlay's DNS answers its name on every node, and VXLAN carries the traffic between the nodes.`
          : `${a.name} is not running.`,
        names: [...new Set([m.name, ...aliasesOf(m)])],
        addresses: m.ipv4 ? [m.ipv4] : [],
      });
    }
    for (const s of Object.values(t.services)) {
      const vip = s.endpointMode === 'vip' ? s.vips.find((v) => v.networkId === n.id) : undefined;
      if (!vip) continue;
      pairs.push({
        from: a.name,
        to: s.name,
        byName: live,
        byIp: live,
        networks: live ? [n.name] : [],
        reason: live ? 'service-vip' : 'stopped',
        explanation: live
          ? `The service ${s.name} answers on ${n.name} at its virtual IP ${vip.addr.split('/')[0] ?? ''}, by its name, on every node: IPVS in ${a.name}'s namespace spreads connections over its tasks (it needs the kernel's ip_vs module).`
          : `${a.name} is not running.`,
        names: [s.name],
        addresses: [vip.addr.split('/')[0] ?? ''].filter(Boolean),
      });
    }
  }
  return pairs;
}
