import { describe, expect, it } from 'vitest';
import { fromEngine, type SwarmTask, type Topology } from '@bridgeboard/topology';
import { managerTopology, recorded, workerTopology } from './swarm-fixture';
import { nodeRows, serviceRows, swarmStanding } from './swarm-view';

const t = managerTopology();
const [web] = Object.values(t.services);
const withTasks = (topology: Topology, tasks: SwarmTask[]): Topology => ({
  ...topology,
  tasks: { ...topology.tasks, ...Object.fromEntries(tasks.map((x) => [x.id, x])) },
});
const task = (over: Partial<SwarmTask>): SwarmTask => ({
  id: 'x',
  serviceId: web?.id ?? '',
  slot: 3,
  nodeId: recorded.selfId,
  state: 'running',
  desiredState: 'running',
  containerId: null,
  addresses: [],
  error: null,
  ...over,
});

describe('where an engine stands', () => {
  it('tells a manager, a worker and an engine outside any swarm apart', () => {
    expect(swarmStanding(t)).toBe('manager');
    expect(swarmStanding(workerTopology())).toBe('worker');
    expect(swarmStanding(fromEngine(recorded.worker.networksList, recorded.worker.containersInspect))).toBe('none');
  });

  it('lists the leader first and marks this engine', () => {
    expect(nodeRows(t).map((n) => [n.hostname, n.role, n.leader, n.self, n.addr])).toEqual([
      ['bb-node-1', 'manager', true, true, '10.250.0.2'],
      ['bb-node-2', 'worker', false, false, '10.250.0.3'],
    ]);
  });
});

describe('the services of a manager', () => {
  it('counts the replicas running of those desired, and names each VIP’s network', () => {
    const [row] = serviceRows(t);
    expect(row).toMatchObject({ name: 'fx-web', mode: 'replicated', running: 2, desired: 2, endpointMode: 'vip' });
    expect(row?.vips).toEqual([{ network: 'fx-ov', addr: expect.stringMatching(/^10\.253\.60\.\d+\/24$/) as string }]);
  });

  it('lists each task with its slot, its node by hostname, its state and its address on the overlay by name', () => {
    const [row] = serviceRows(t);
    expect(row?.tasks.map((x) => [x.slot, x.node, x.state, x.addresses.map((a) => a.network)])).toEqual([
      [1, 'bb-node-1', 'running', ['fx-ov']],
      [2, 'bb-node-2', 'running', ['fx-ov']],
    ]);
  });

  it('does not count a task that is starting, or one being shut down, and lists the stopped history last', () => {
    const busy = withTasks(t, [
      task({ id: 'starting', slot: 3, state: 'starting' }),
      task({ id: 'leaving', slot: 1, state: 'running', desiredState: 'shutdown' }),
      task({ id: 'failed', slot: 2, state: 'failed', desiredState: 'shutdown', error: 'task: non-zero exit (1)' }),
    ]);
    const [row] = serviceRows({ ...busy, services: { [web?.id ?? '']: { ...(web as NonNullable<typeof web>), replicas: 3 } } });
    expect([row?.running, row?.desired]).toEqual([2, 3]);
    expect(row?.tasks.map((x) => x.id).slice(-2)).toEqual(['leaving', 'failed']);
    expect(row?.tasks.find((x) => x.id === 'failed')?.error).toBe('task: non-zero exit (1)');
  });

  it('desires one task per node meant to run one for a global service', () => {
    const global = { ...(web as NonNullable<typeof web>), mode: 'global' as const, replicas: null };
    const one = withTasks({ ...t, services: { [global.id]: global } }, [task({ id: 'stopped', slot: null, desiredState: 'shutdown' })]);
    const [row] = serviceRows(one);
    expect([row?.running, row?.desired]).toEqual([2, 2]);
  });

  it('names a VIP’s network by id when this engine does not list that network', () => {
    const [row] = serviceRows({
      ...t,
      services: {
        [web?.id ?? '']: { ...(web as NonNullable<typeof web>), vips: [{ networkId: 'abcdefabcdef0123', addr: '10.0.0.2/24' }] },
      },
    });
    expect(row?.vips).toEqual([{ network: 'abcdefabcdef', addr: '10.0.0.2/24' }]);
  });
});
