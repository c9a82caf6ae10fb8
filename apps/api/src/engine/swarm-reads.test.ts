import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { listSwarm, swarmPlace } from './engine-reader.js';

/** What the engine says for each call: an answer, or an HTTP error as docker-modem reports it. */
const refused = (statusCode: number, message: string) => Object.assign(new Error(message), { statusCode });
const info = {
  Name: 'bb-node-1',
  ServerVersion: '20.10.24',
  Swarm: { NodeID: 'n1', NodeAddr: '10.250.0.2', LocalNodeState: 'active', ControlAvailable: true, Cluster: { ID: 'c1' } },
};

function engine(calls: Record<string, () => unknown>): Docker {
  const call = (name: string) => () => {
    const answer = calls[name]?.();
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  };
  return {
    info: call('info'),
    listNodes: call('nodes'),
    listServices: call('services'),
    listTasks: call('tasks'),
    getNetwork: () => ({ inspect: call('network') }),
  } as unknown as Docker;
}

describe('swarm reads the engine refuses', () => {
  it('a socket proxy refusing /info: the engine is taken as in no swarm, and its board stands', async () => {
    expect(await swarmPlace(engine({ info: () => refused(403, 'forbidden by the proxy') }))).toBeNull();
  });

  it('a manager without quorum: nodes, services and tasks are left out, not the engine', async () => {
    const docker = engine({
      info: () => info,
      nodes: () => refused(503, 'The swarm does not have a leader'),
      services: () => refused(503, 'The swarm does not have a leader'),
      tasks: () => refused(503, 'The swarm does not have a leader'),
      network: () => refused(403, 'forbidden'),
    });
    const place = await swarmPlace(docker);
    expect(place).toMatchObject({ selfId: 'n1', manager: true });
    if (!place) return;
    const lists = await listSwarm(docker, place, [{ Id: 'ov', Name: 'ov', Driver: 'overlay', Scope: 'swarm' }]);
    expect(lists).toMatchObject({ nodes: [place.self], services: [], tasks: [], overlays: [] });
  });

  it('a connection that breaks still fails the read: that is an engine gone, not a part refused', async () => {
    await expect(swarmPlace(engine({ info: () => new Error('socket hang up') }))).rejects.toThrow('socket hang up');
  });
});
