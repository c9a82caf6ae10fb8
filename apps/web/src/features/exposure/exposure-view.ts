import type { HostFactsResponse } from '@bridgeboard/contract';
import {
  exposure,
  lints,
  selfNode,
  swarmExposure,
  type ExposedPort,
  type Lint,
  type SwarmPublishedPort,
  type Topology,
} from '@bridgeboard/topology';

export interface Exposure {
  ports: ExposedPort[];
  lints: Lint[];
  /** A swarm manager's services' published ports (a worker cannot list services: always empty there). */
  swarmPorts: SwarmPublishedPort[];
  /** Whether the "Swarm services" section has something to say: ports to list, or a manager with none published. */
  swarmSection: boolean;
  /** This engine's node by hostname, null off a swarm: its badge reads "this engine". */
  self: string | null;
}

const isManager = (t: Topology): boolean => Object.keys(t.nodes).length > 0 && selfNode(t)?.role === 'manager';

/**
 * What the Exposure page shows, with the same pure functions `GET /api/engines/:engine/exposure` answers with;
 * `host`, the engine host's facts when the server could read them, for the lints that need them.
 */
export function exposureOf(t: Topology, host?: NonNullable<HostFactsResponse['host']>): Exposure {
  const swarmPorts = swarmExposure(t);
  return {
    ports: exposure(t),
    lints: lints(t, host),
    swarmPorts,
    swarmSection: swarmPorts.length > 0 || isManager(t),
    self: selfNode(t)?.hostname ?? null,
  };
}
