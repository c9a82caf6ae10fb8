import type { EngineSummary } from '@bridgeboard/contract';
import { fromEngine, type EngineContainer, type EngineNetwork, type Topology } from '@bridgeboard/topology';
import plain from '@bridgeboard/topology/fixtures/engine-1.41.json';
import { managerTopology, recorded, workerTopology } from '../swarm/swarm-fixture';

/**
 * For unit tests only: a fleet of three engines as the server would list them, from recorded
 * topologies: `node1` the swarm's manager (bb-node-1), `node2` its worker (bb-node-2), and
 * `local`, a plain engine in no swarm.
 */
const workerId = recorded.nodes.find((n) => n.ID !== recorded.selfId)?.ID ?? '';

export function summary(id: string, swarm: EngineSummary['swarm'], reachable = true): EngineSummary {
  return {
    id,
    name: id,
    endpoint: { kind: 'socket', address: `unix:///run/${id}.sock`, tls: false },
    source: 'file',
    status: { reachable, version: reachable ? '20.10.24' : null, apiVersion: null },
    rev: 1,
    swarm,
  };
}

export const engines = {
  node1: summary('node1', { role: 'manager', nodeId: recorded.selfId, clusterId: 'cluster-1' }),
  node2: summary('node2', { role: 'worker', nodeId: workerId, clusterId: null }),
  local: summary('local', null),
};

const fx = plain as unknown as { networksList: EngineNetwork[]; containersInspect: EngineContainer[] };

export const topologies = (): Record<'node1' | 'node2' | 'local', Topology> => ({
  node1: managerTopology(),
  node2: workerTopology(),
  local: fromEngine(fx.networksList, fx.containersInspect),
});
