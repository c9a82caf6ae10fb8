import { hostRoutes } from './host-lints.js';
import { lint } from './lint-reasons.js';
import type { HostFacts, Lint } from './lint-types.js';
import { parseCidr, subnetsOf, type Cidr } from './subnets.js';
import type { Topology } from './types.js';

/** Two limits a host runs into with many networks or many containers: the engine's address pools and a Linux bridge's ports. */

/**
 * Docker's default address pools, for a daemon without `default-address-pools` in daemon.json
 * (moby's `ipamutils`): 172.17.0.0/16 to 172.31.0.0/16 as /16s, and 192.168.0.0/16 as /20s, 31
 * subnets for the networks made without --subnet. The API cannot read the daemon's configuration,
 * so this is what the count assumes.
 */
export const DEFAULT_POOL_SUBNETS: readonly string[] = [
  ...Array.from({ length: 15 }, (_, i) => `172.${17 + i}.0.0/16`),
  ...Array.from({ length: 16 }, (_, i) => `192.168.${i * 16}.0/20`),
];

/** Warning when this many pool subnets are left, or fewer; danger at none. */
export const POOLS_LEFT_WARNING = 5;

const parsed = (cidrs: readonly string[]): Cidr[] => cidrs.map(parseCidr).filter((c): c is Cidr => c?.address.kind() === 'ipv4');
const overlaps = (a: Cidr, b: Cidr): boolean => a.address.match(b.address, Math.min(a.prefix, b.prefix));

/**
 * A pool subnet is taken when a network's subnet equals or overlaps it, and, as the engine itself
 * skips them, when one of the host's routes does. Swarm-scoped networks come from the swarm's own
 * pool (10.0.0.0/8 by default) and are not counted; neither is a network whose explicit subnet is
 * outside the pools.
 */
export function addressPoolLints(t: Topology, host?: HostFacts): Lint[] {
  const networks = Object.values(t.networks)
    .filter((n) => n.scope === 'local')
    .map((n) => ({ name: n.name, subnets: parsed(subnetsOf(n)) }));
  const routes = parsed(hostRoutes(t, host).map((r) => r.destination));
  const takers = new Set<string>();
  let byRoutes = 0;
  let left = 0;
  for (const pool of parsed(DEFAULT_POOL_SUBNETS)) {
    const by = networks.filter((n) => n.subnets.some((s) => overlaps(s, pool)));
    by.forEach((n) => takers.add(n.name));
    if (by.length === 0 && routes.some((r) => overlaps(r, pool))) byRoutes++;
    else if (by.length === 0) left++;
  }
  if (left > POOLS_LEFT_WARNING) return [];
  const total = DEFAULT_POOL_SUBNETS.length;
  const routeNote = byRoutes > 0 ? ` and ${byRoutes} overlapped by the host's routes` : '';
  const message =
    `${left === 0 ? 'None' : left} of the ${total} subnets of Docker's default address pools ${left === 1 ? 'is' : 'are'} left ` +
    `(${total - left - byRoutes} taken by ${takers.size} networks${routeNote}); this assumes the daemon has no default-address-pools of its own.`;
  return [lint('address-pools', left === 0 ? 'danger' : 'warning', message, [], [...takers].sort())];
}

/** A Linux bridge holds at most BR_MAX_PORTS (1,024) ports; each endpoint on a bridge network is one. */
export const BRIDGE_PORTS_WARNING = 900;
export const BRIDGE_PORTS_DANGER = 1_000;

/** Every attachment counts, a stopped container's too: it takes its port back when it starts. */
export function bridgePortLints(t: Topology): Lint[] {
  const counts = new Map<string, number>();
  for (const e of Object.values(t.endpoints)) counts.set(e.networkId, (counts.get(e.networkId) ?? 0) + 1);
  return Object.values(t.networks)
    .filter((n) => n.driver === 'bridge' && (counts.get(n.id) ?? 0) >= BRIDGE_PORTS_WARNING)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((n) => {
      const count = counts.get(n.id) ?? 0;
      const severity = count >= BRIDGE_PORTS_DANGER ? 'danger' : 'warning';
      const message = `'${n.name}' has ${count.toLocaleString('en-US')} containers on its bridge${n.hostInterface ? ` '${n.hostInterface}'` : ''}, which holds at most 1,024 ports.`;
      return lint('bridge-ports', severity, message, [], [n.name]);
    });
}
