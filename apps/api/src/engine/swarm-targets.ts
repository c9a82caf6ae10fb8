import { own, swarmRole, type Topology } from '@bridgeboard/topology';
import type { Target } from './engine-event.js';

/** docker_gwbridge's id on this engine, if the engine is a swarm node (swarm init/join makes it). */
export const gatewayOf = (t: Topology): string | null => Object.values(t.networks).find((n) => swarmRole(n) === 'gateway')?.id ?? null;

/**
 * What else an event's read leaves stale on a swarm node: a container joining, leaving, starting
 * or stopping on an overlay changes that overlay's endpoints across nodes (its verbose inspect)
 * and its own interface on docker_gwbridge (which only the bridge's inspect lists); a task
 * container's change is its service's too (task states have no event of their own).
 */
export function swarmTargetsAfter(t: Topology, target: Target): Target[] {
  const swarmScoped = (id: string) => own(t.networks, id)?.scope === 'swarm';
  if (target.kind === 'network') return [{ kind: 'members', id: target.id }];
  if (target.kind !== 'container') return [];
  // A task container of this node changed: its service's task list did too (a manager holds it).
  const service = own(t.containers, target.id)?.labels['com.docker.swarm.service.id'];
  const ofService: Target[] = service && own(t.services, service) ? [{ kind: 'service', id: service }] : [];
  const gateway = gatewayOf(t);
  if (target.expect && target.expect.network === gateway) return [{ kind: 'gateway', id: gateway }, ...ofService];
  const overlays = target.expect
    ? [target.expect.network].filter(swarmScoped)
    : Object.values(t.endpoints)
        .filter((e) => e.containerId === target.id && swarmScoped(e.networkId))
        .map((e) => e.networkId);
  return [
    ...overlays.map((id): Target => ({ kind: 'members', id })),
    ...(gateway && overlays.length > 0 ? [{ kind: 'gateway' as const, id: gateway }] : []),
    ...ofService,
  ];
}

/**
 * After one node's container joins or leaves an overlay, the other nodes learn it by gossip, with
 * no event of theirs: their views are re-read a moment later (after a relist, and when a swarm
 * peer in the fleet saw the change), not only at the next poll. Gossip takes some hundred ms on a quiet
 * machine, seconds on a loaded one (seen: more than 2 s with the test suite running).
 */
export const GOSSIP_DELAYS_MS = [500, 2000, 8000];
