import { lint } from './lint-reasons.js';
import { own } from './lookup.js';
import type { HostFacts, Lint } from './lint-types.js';
import { parseCidr, subnetsOf, subnetsOverlap } from './subnets.js';
import type { Network, Topology } from './types.js';

/** The lints that weigh the networks against the engine's host: its routes, and its uplink's MTU. */

const byName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name);

/**
 * The host's routes a network can collide with: not a default route (it covers every address and
 * yields to any other), and not the route of a network's own bridge (that route is the network).
 */
export function hostRoutes(t: Topology, host?: HostFacts): HostFacts['routes'] {
  const bridges = new Set(Object.values(t.networks).map((n) => n.hostInterface));
  return (host?.routes ?? []).filter((r) => (parseCidr(r.destination)?.prefix ?? 0) > 0 && !bridges.has(r.interface));
}

/** A macvlan or ipvlan network shares its parent's LAN on purpose: its subnet is that LAN's. */
const ON_THE_HOSTS_LAN = new Set(['macvlan', 'ipvlan']);

export function routeOverlapLints(t: Topology, host?: HostFacts): Lint[] {
  const routes = hostRoutes(t, host);
  const out: Lint[] = [];
  for (const n of Object.values(t.networks)
    .filter((x) => !ON_THE_HOSTS_LAN.has(x.driver))
    .sort(byName)) {
    for (const subnet of subnetsOf(n)) {
      const hit = routes.filter((r) => subnetsOverlap(subnet, r.destination));
      if (hit.length === 0) continue;
      const what = hit.map((r) => `${r.destination} via '${r.interface}'`).join(', ');
      const message = `'${n.name}' (${subnet}) overlaps the host's route${hit.length > 1 ? 's' : ''} ${what}.`;
      out.push(lint('route-overlap', 'warning', message, [], [n.name]));
    }
  }
  return out;
}

/** What VXLAN adds to every packet of an overlay (moby's `vxlanEncap`), and Docker's MTU when none is set. */
export const VXLAN_OVERHEAD = 50;
const DEFAULT_MTU = 1500;

const mtuOption = (n: Network): number | null => {
  const mtu = Number(n.options['com.docker.network.driver.mtu'] ?? '');
  return Number.isInteger(mtu) && mtu > 0 ? mtu : null;
};

/**
 * The MTU of a container's interface on the network. On an overlay the option is the size on the
 * wire, and the engine gives containers that less VXLAN's 50 bytes (moby's `maxMTU`: 1450 by default).
 */
const containerMtu = (n: Network): number =>
  n.driver === 'overlay' ? (mtuOption(n) ?? DEFAULT_MTU) - VXLAN_OVERHEAD : (mtuOption(n) ?? DEFAULT_MTU);

/**
 * Larger than the uplink: a bridge network with an MTU set above the uplink's (an internal one
 * never sends through it), or an overlay whose containers' MTU is above the uplink's less 50 (with
 * no MTU set, too: 1450 does not fit a 1400 uplink).
 */
function tooLargeForUplink(nets: Network[], uplink: NonNullable<HostFacts['uplink']>): Lint[] {
  const where = `the host uplink '${uplink.name}' (${uplink.mtu})`;
  return nets.flatMap((n) => {
    const mtu = containerMtu(n);
    if (n.driver === 'bridge' && !n.internal && mtuOption(n) !== null && mtu > uplink.mtu)
      return [lint('mtu', 'warning', `'${n.name}' has MTU ${mtu}, larger than ${where}.`, [], [n.name])];
    if (n.driver === 'overlay' && mtu > uplink.mtu - VXLAN_OVERHEAD) {
      const message = `The overlay '${n.name}' gives its containers MTU ${mtu}, larger than ${where} less VXLAN's 50 bytes.`;
      return [lint('mtu', 'warning', message, [], [n.name])];
    }
    return [];
  });
}

/**
 * A bridge and an overlay that share a container and give it two MTUs, one of them set by hand
 * (docker_gwbridge's 1500 beside an overlay's 1450 is how the engine makes every swarm task, and
 * the default bridge shows the daemon's MTU as if it were set).
 */
function mismatched(t: Topology, nets: Network[]): Lint[] {
  const members = new Map<string, Set<string>>();
  for (const e of Object.values(t.endpoints)) members.set(e.networkId, (members.get(e.networkId) ?? new Set()).add(e.containerId));
  const out: Lint[] = [];
  for (const o of nets.filter((n) => n.driver === 'overlay')) {
    for (const b of nets.filter((n) => n.driver === 'bridge' && n.name !== 'docker_gwbridge')) {
      if (containerMtu(b) === containerMtu(o) || (mtuOption(o) === null && (b.system || mtuOption(b) === null))) continue;
      const onOverlay = members.get(o.id) ?? new Set<string>();
      const shared = [...(members.get(b.id) ?? [])]
        .filter((id) => onOverlay.has(id))
        .map((id) => own(t.containers, id)?.name ?? id)
        .sort();
      if (shared.length === 0) continue;
      const who = `${shared.map((c) => `'${c}'`).join(', ')} ${shared.length > 1 ? 'have' : 'has'}`;
      const message = `${who} MTU ${containerMtu(b)} on '${b.name}' and ${containerMtu(o)} on the overlay '${o.name}'.`;
      out.push(lint('mtu', 'info', message, shared, [b.name, o.name]));
    }
  }
  return out;
}

/** The mismatch needs only the topology; the comparison with the uplink needs the host's facts. */
export function mtuLints(t: Topology, host?: HostFacts): Lint[] {
  const nets = Object.values(t.networks).sort(byName);
  return [...(host?.uplink ? tooLargeForUplink(nets, host.uplink) : []), ...mismatched(t, nets)];
}
