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

export { GOSSIP_DELAYS_MS } from '../engine/swarm-targets.js';
