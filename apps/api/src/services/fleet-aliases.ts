import type { OverlayMember } from '@bridgeboard/topology';
import type { Fleet } from '../fleet/fleet.js';

/**
 * The aliases of an overlay member on another node, from that node's own engine when the fleet
 * holds it: an overlay endpoint keeps its id on every node, and only its own node's inspect says
 * its aliases (`--network-alias`), which the overlay's DNS answers everywhere.
 */
export function fleetAliases(fleet: Fleet): (m: OverlayMember) => readonly string[] {
  const byEndpoint = new Map<string, readonly string[]>();
  for (const engine of fleet.list())
    for (const e of Object.values(engine.store.current.endpoints))
      if (e.endpointId && e.aliases.length > 0) byEndpoint.set(e.endpointId, e.aliases);
  return (m) => byEndpoint.get(m.endpointId) ?? [];
}
