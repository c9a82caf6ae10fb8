import { own, type Patch, type Topology } from '@bridgeboard/topology';

/** Swarm-scoped networks on which a patch added, changed or removed this engine's own endpoints. */
export function overlaysChanged(t: Topology, patch: Patch): string[] {
  const ids = new Set<string>();
  for (const op of patch.ops) {
    if (op.kind !== 'endpoints') continue;
    const networkId = op.op === 'put' ? op.value.networkId : op.key.slice(0, op.key.indexOf('/'));
    if (own(t.networks, networkId)?.scope === 'swarm') ids.add(networkId);
  }
  return [...ids];
}

/** The swarm service whose task a container is (the label the engine puts on task containers). */
export const SERVICE_ID_LABEL = 'com.docker.swarm.service.id';

/** Services whose task containers a patch of one node put: their task states changed there. */
export function servicesChanged(patch: Patch): string[] {
  const ids = new Set<string>();
  for (const op of patch.ops) {
    const service = op.op === 'put' && op.kind === 'containers' ? op.value.labels[SERVICE_ID_LABEL] : undefined;
    if (service) ids.add(service);
  }
  return [...ids];
}

/**
 * After one node's container joins or leaves an overlay, the other nodes learn it by gossip, with
 * no event of theirs: their views are re-read a moment later, so a fleet that holds several nodes
 * of a swarm shows it at once instead of at the next poll. Gossip takes some hundred ms on a quiet
 * machine, seconds on a loaded one (seen: more than 2 s with the test suite running).
 */
export const GOSSIP_DELAYS_MS = [500, 2000, 8000];
