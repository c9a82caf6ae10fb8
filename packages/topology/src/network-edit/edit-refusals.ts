import { isDefaultBridge } from '../from-engine.js';
import { findContainer } from '../lookup.js';
import type { NetworkSpec } from '../network-commands.js';
import { parseCidr, subnetsOf, subnetsOverlap } from '../subnets.js';
import { isSwarmScoped } from '../swarm.js';
import type { Container, Network, Topology } from '../types.js';
import { roomOf } from './address-map.js';
import { startsOn, type Refusal } from './edit-context.js';
import type { EditChange, EditEndpoint } from './edit-types.js';

const byName = (a: Container, b: Container): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Why a network cannot be re-made at all, whatever is asked; null when it can. */
export function networkRefusal(n: Network): string | null {
  if (n.system || isDefaultBridge(n)) {
    const daemon = isDefaultBridge(n) ? "; the default bridge's settings live in the daemon's configuration (bip, mtu in daemon.json)" : '';
    return `'${n.name}' is one of Docker's own networks: Docker's own networks cannot be removed, so they cannot be re-made${daemon}`;
  }
  if (isSwarmScoped(n) || n.ingress) {
    return `'${n.name}' is a swarm ${n.driver} network: the services attached to it hold it, and one engine cannot re-make it under them; change the services instead (docker service update --network-rm/--network-add)`;
  }
  return null;
}

/** Docker's own rule for object names (daemon/names), as the migration plan checks it. */
const VALID_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/** What is wrong with the network asked for, before any endpoint is looked at. */
export function targetRefusals(t: Topology, n: Network, target: NetworkSpec, changes: readonly EditChange[]): Refusal[] {
  const refusals: Refusal[] = [];
  const refuse = (field: string | null, reason: string, container: string | null = null): void => {
    refusals.push({ container, field, reason });
  };
  if (changes.length === 0) refuse(null, `Nothing to change: '${n.name}' is already as asked`);
  const renamed = target.name !== n.name;
  if (!VALID_NAME.test(target.name)) refuse('name', `'${target.name}' is not a valid network name`);
  else if (renamed && Object.values(t.networks).some((x) => x.id !== n.id && x.name === target.name))
    refuse('name', `A network named '${target.name}' already exists`);

  target.subnets.forEach((s, i) => {
    if (!parseCidr(s.subnet) || !roomOf(s)) {
      refuse(`subnets[${i}].subnet`, `'${s.subnet}' is not a subnet with a gateway of its own family`);
      return;
    }
    // The default IPAM refuses a pool that overlaps another network's ("Pool overlaps with other one on this address space").
    const clash =
      (target.ipamDriver ?? 'default') === 'default'
        ? Object.values(t.networks).find((x) => x.id !== n.id && subnetsOf(x).some((o) => subnetsOverlap(o, s.subnet)))
        : undefined;
    if (clash) refuse(`subnets[${i}].subnet`, `${s.subnet} overlaps the subnet of network '${clash.name}'`);
  });

  // The engine looks a container's --network up again at every start ("could not find a network
  // matching network mode"): by name it survives the re-make but not a rename, by id neither.
  for (const c of Object.values(t.containers).sort(byName)) {
    const by = startsOn(c, n);
    if (by === 'id') {
      refuse(
        null,
        `'${c.name}' was started with --network ${c.networkMode.kind === 'network' ? c.networkMode.network : ''}, the id of '${n.name}': the re-made network has a new id, so '${c.name}' would not start again`,
        c.name,
      );
    } else if (by === 'name' && renamed) {
      refuse(
        'name',
        `'${c.name}' was started with --network ${n.name}: after a rename to '${target.name}' it would not start again`,
        c.name,
      );
    }
  }
  return refusals;
}

/** The containers in container: mode whose stack is an attached endpoint's: they lose the network with it. */
export function sharersOf(t: Topology, endpoints: readonly EditEndpoint[]): { sharer: Container; host: EditEndpoint }[] {
  const byId = new Map(endpoints.map((e) => [e.containerId, e]));
  return Object.values(t.containers)
    .sort(byName)
    .flatMap((sharer) => {
      if (sharer.networkMode.kind !== 'container') return [];
      const host = findContainer(t, sharer.networkMode.container);
      const e = host ? byId.get(host.id) : undefined;
      return e ? [{ sharer, host: e }] : [];
    });
}
