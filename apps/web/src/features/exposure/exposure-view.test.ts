import { describe, expect, it } from 'vitest';
import { fromEngine, type ServicePort, type Topology } from '@bridgeboard/topology';
import { managerTopology, recorded, workerTopology } from '../swarm/swarm-fixture';
import { exposureOf } from './exposure-view';

const t = managerTopology();
const withPorts = (topology: Topology, ports: ServicePort[]): Topology => ({
  ...topology,
  services: Object.fromEntries(Object.entries(topology.services).map(([id, s]) => [id, { ...s, ports }])),
});

describe('the Exposure page’s swarm section', () => {
  it('is shown on a manager even when no service publishes a port, to say so', () => {
    expect(exposureOf(t)).toMatchObject({ swarmPorts: [], swarmSection: true, self: 'bb-node-1' });
  });

  it('lists an ingress port as listened on by every node, served by the nodes running a task', () => {
    const e = exposureOf(withPorts(t, [{ protocol: 'tcp', targetPort: 80, publishedPort: 18291, publishMode: 'ingress' }]));
    expect(e.swarmPorts).toEqual([
      {
        service: 'fx-web',
        protocol: 'tcp',
        targetPort: 80,
        publishedPort: 18291,
        publishMode: 'ingress',
        listensOn: ['bb-node-1', 'bb-node-2'],
        servedBy: ['bb-node-1', 'bb-node-2'],
      },
    ]);
    expect(e.swarmSection).toBe(true);
  });

  it('is left out on a worker (it cannot list services) and off a swarm', () => {
    expect(exposureOf(workerTopology())).toMatchObject({ swarmPorts: [], swarmSection: false });
    expect(exposureOf(fromEngine(recorded.worker.networksList, recorded.worker.containersInspect))).toMatchObject({
      swarmPorts: [],
      swarmSection: false,
      self: null,
    });
  });
});

describe('the Exposure page’s lints', () => {
  const jumbo = fromEngine(
    [
      { Id: 'b', Name: 'bridge', Driver: 'bridge', Options: { 'com.docker.network.bridge.name': 'docker0' } },
      { Id: 'j', Name: 'jumbo', Driver: 'bridge', Options: { 'com.docker.network.driver.mtu': '9000' } },
    ],
    [],
  );
  it('weigh the networks against the host once its facts are read, and leave those lints out before', () => {
    const host = { uplink: { name: 'eth0', mtu: 1500 }, routes: [] };
    expect(
      exposureOf(jumbo, host)
        .lints.filter((l) => l.code === 'mtu')
        .map((l) => l.message),
    ).toEqual(["'jumbo' has MTU 9000, larger than the host uplink 'eth0' (1500)."]);
    expect(exposureOf(jumbo).lints.filter((l) => l.code === 'mtu')).toEqual([]);
  });
});
