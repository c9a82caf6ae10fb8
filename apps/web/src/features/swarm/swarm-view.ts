import { own, selfNode, type ServicePort, type SwarmNode, type SwarmService, type SwarmTask, type Topology } from '@bridgeboard/topology';

/** Where this engine stands in a swarm: only a manager can list the swarm's nodes, services and tasks. */
export type Standing = 'none' | 'worker' | 'manager';

export function swarmStanding(t: Topology): Standing {
  const self = selfNode(t);
  if (self) return self.role === 'manager' ? 'manager' : 'worker';
  return Object.keys(t.nodes).length > 0 ? 'manager' : 'none';
}

/** Managers first (the leader first of them), then by hostname. */
export function nodeRows(t: Topology): SwarmNode[] {
  const rank = (n: SwarmNode) => (n.leader ? 0 : n.role === 'manager' ? 1 : 2);
  return Object.values(t.nodes).sort((a, b) => rank(a) - rank(b) || a.hostname.localeCompare(b.hostname));
}

/** An address on a network, the network by name (its id when this engine does not list it). */
export interface NetworkAddr {
  network: string;
  addr: string;
}

export interface TaskRow {
  id: string;
  slot: number | null;
  /** Hostname of the node it is scheduled on, else the node id. */
  node: string;
  state: string;
  desiredState: string;
  addresses: NetworkAddr[];
  error: string | null;
}

export interface ServiceRow {
  id: string;
  name: string;
  image: string;
  mode: SwarmService['mode'];
  running: number;
  desired: number;
  endpointMode: SwarmService['endpointMode'];
  vips: NetworkAddr[];
  ports: ServicePort[];
  tasks: TaskRow[];
}

const networkName = (t: Topology, id: string) => own(t.networks, id)?.name ?? id.slice(0, 12);
const byNetwork = (t: Topology, list: { networkId: string; addr: string }[]): NetworkAddr[] =>
  list.map((a) => ({ network: networkName(t, a.networkId), addr: a.addr })).sort((a, b) => a.network.localeCompare(b.network));

function taskRow(t: Topology, task: SwarmTask): TaskRow {
  return {
    id: task.id,
    slot: task.slot,
    node: own(t.nodes, task.nodeId)?.hostname || task.nodeId,
    state: task.state,
    desiredState: task.desiredState,
    addresses: byNetwork(t, task.addresses),
    error: task.error,
  };
}

/** Tasks meant to run first (by slot, then node), then the history the manager keeps of stopped ones. */
const taskOrder = (a: TaskRow, b: TaskRow) =>
  Number(b.desiredState === 'running') - Number(a.desiredState === 'running') ||
  (a.slot ?? 0) - (b.slot ?? 0) ||
  a.node.localeCompare(b.node);

/**
 * The services with their replicas counted as `docker service ls` counts them: of the tasks meant
 * to run (desired state running), those running now; desired is the spec's replicas, or for a
 * global service the number of tasks meant to run (one per eligible node).
 */
export function serviceRows(t: Topology): ServiceRow[] {
  const tasksOf = new Map<string, SwarmTask[]>();
  for (const task of Object.values(t.tasks)) tasksOf.set(task.serviceId, [...(tasksOf.get(task.serviceId) ?? []), task]);
  return Object.values(t.services)
    .map((s) => {
      const tasks = tasksOf.get(s.id) ?? [];
      const meant = tasks.filter((x) => x.desiredState === 'running');
      return {
        id: s.id,
        name: s.name,
        image: s.image,
        mode: s.mode,
        running: meant.filter((x) => x.state === 'running').length,
        desired: s.replicas ?? meant.length,
        endpointMode: s.endpointMode,
        vips: byNetwork(t, s.vips),
        ports: s.ports,
        tasks: tasks.map((x) => taskRow(t, x)).sort(taskOrder),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
