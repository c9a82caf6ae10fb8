import { describe, expect, it } from 'vitest';
import { managerTopology, networkNamed, workerTopology } from '../swarm/swarm-fixture';
import { acrossNodes, serviceVips } from './overlay-groups';

describe('an overlay across nodes', () => {
  const t = managerTopology();
  const overlay = networkNamed(t, 'fx-ov')?.id ?? '';

  it('groups every endpoint on every node by its node, this engine first, each once', () => {
    expect(acrossNodes(t, overlay).map((g) => [g.node, g.addr, g.self, g.rows.map((r) => [r.name, r.ipv4, r.service])])).toEqual([
      [
        'bb-node-1',
        '10.250.0.2',
        true,
        [
          ['fx-a', '10.253.60.2', null],
          ['fx-web.1', '10.253.60.8', 'fx-web'],
        ],
      ],
      [
        'bb-node-2',
        '10.250.0.3',
        false,
        [
          ['fx-b', '10.253.60.4', null],
          ['fx-web.2', '10.253.60.7', 'fx-web'],
        ],
      ],
    ]);
  });

  it('lists each service’s VIP on this network with its endpoint mode, and none on a network it is not on', () => {
    expect(serviceVips(t, overlay)).toEqual([{ service: 'fx-web', endpointMode: 'vip', addr: '10.253.60.6/24' }]);
    expect(serviceVips(t, networkNamed(t, 'ingress')?.id ?? '')).toEqual([]);
  });

  it('on a worker, names the other node by its address and lists no service', () => {
    const w = workerTopology();
    expect(acrossNodes(w, overlay).map((g) => [g.node, g.self])).toEqual([
      ['bb-node-2', true],
      ['10.250.0.2', false],
    ]);
    expect(serviceVips(w, overlay)).toEqual([]);
  });
});
