import { fromEngine, type EngineContainer, type EngineNetwork, type SwarmLists, type Topology } from '@bridgeboard/topology';
import fixture from '@bridgeboard/topology/fixtures/swarm-20.10.json';

/**
 * For unit tests only: the two-node swarm recorded from the fleet (packages/topology's
 * record-swarm.sh): an attachable overlay `fx-ov` with a standalone container on each node
 * (`fx-a` on the manager, `fx-b` on the worker) and a two-replica service `fx-web`.
 */
interface SwarmFixture extends Omit<SwarmLists, 'overlays'> {
  manager: { networksList: EngineNetwork[]; containersInspect: EngineContainer[] };
  worker: { networksList: EngineNetwork[]; containersInspect: EngineContainer[] };
  verbose: SwarmLists['overlays'];
}

export const recorded = fixture as unknown as SwarmFixture;

/** The manager's topology, as the server builds it. */
export const managerTopology = (): Topology =>
  fromEngine(recorded.manager.networksList, recorded.manager.containersInspect, 1, {
    selfId: recorded.selfId,
    nodes: recorded.nodes,
    services: recorded.services,
    tasks: recorded.tasks,
    overlays: recorded.verbose,
  });

/** The worker's topology: a worker lists only itself as a node, and the members of the overlays it is on. */
export const workerTopology = (): Topology => {
  const self = recorded.nodes.find((n) => n.ID !== recorded.selfId);
  return fromEngine(recorded.worker.networksList, recorded.worker.containersInspect, 1, {
    selfId: self?.ID ?? '',
    nodes: self ? [self] : [],
    services: [],
    tasks: [],
    overlays: recorded.verbose,
  });
};

export const networkNamed = (t: Topology, name: string) => Object.values(t.networks).find((n) => n.name === name);
export const containerNamed = (t: Topology, name: string) => Object.values(t.containers).find((c) => c.name === name);
