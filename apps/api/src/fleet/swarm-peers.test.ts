import { describe, expect, it } from 'vitest';
import { emptyTopology, type Container, type Endpoint, type Network, type Topology } from '@bridgeboard/topology';
import { overlaysChanged, servicesChanged } from './swarm-peers.js';

const network = (id: string, scope: string) => ({ id, name: id, scope }) as Network;
const t: Topology = { ...emptyTopology(), networks: { ov: network('ov', 'swarm'), br: network('br', 'local') } };
const endpoint = (networkId: string) => ({ networkId, containerId: 'c1' }) as Endpoint;

describe('what a swarm node tells its peers', () => {
  it('the overlays on which its endpoints changed, put or deleted; not its local networks', () => {
    expect(
      overlaysChanged(t, {
        rev: 2,
        ops: [
          { op: 'put', kind: 'endpoints', key: 'ov/c1', value: endpoint('ov') },
          { op: 'put', kind: 'endpoints', key: 'br/c1', value: endpoint('br') },
          { op: 'del', kind: 'endpoints', key: 'ov/c2' },
        ],
      }),
    ).toEqual(['ov']);
    expect(overlaysChanged(t, { rev: 2, ops: [{ op: 'del', kind: 'endpoints', key: 'br/c1' }] })).toEqual([]);
  });
  it('the services whose task containers it put', () => {
    const task = { id: 'c9', labels: { 'com.docker.swarm.service.id': 's1' } } as unknown as Container;
    const plain = { id: 'c8', labels: {} } as unknown as Container;
    expect(
      servicesChanged({
        rev: 3,
        ops: [
          { op: 'put', kind: 'containers', key: 'c9', value: task },
          { op: 'put', kind: 'containers', key: 'c8', value: plain },
        ],
      }),
    ).toEqual(['s1']);
  });
});
