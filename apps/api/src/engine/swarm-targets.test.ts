import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findContainer, findNetwork, fromEngine, type EngineContainer, type EngineNetwork, type SwarmLists } from '@bridgeboard/topology';
import { swarmTargetsAfter } from './swarm-targets.js';

/** The manager's own view of the recorded two-node swarm (packages/topology/test/fixtures/record-swarm.sh). */
const fx = JSON.parse(readFileSync(new URL('../../../../packages/topology/test/fixtures/swarm-20.10.json', import.meta.url), 'utf8')) as {
  manager: { networksList: EngineNetwork[]; containersInspect: EngineContainer[] };
  verbose: SwarmLists['overlays'];
} & Omit<SwarmLists, 'overlays'>;
const t = fromEngine(fx.manager.networksList, fx.manager.containersInspect);
const withServices = fromEngine(fx.manager.networksList, fx.manager.containersInspect, 0, { ...fx, overlays: fx.verbose });
const overlay = findNetwork(t, 'fx-ov')?.id ?? '';
const gateway = findNetwork(t, 'docker_gwbridge')?.id ?? '';
const onOverlay = findContainer(t, 'fx-a')?.id ?? '';

describe('swarmTargetsAfter', () => {
  it("a container's event on an overlay re-reads that overlay's members and docker_gwbridge", () => {
    expect(swarmTargetsAfter(t, { kind: 'container', id: onOverlay })).toEqual([
      { kind: 'members', id: overlay },
      { kind: 'gateway', id: gateway },
    ]);
    expect(swarmTargetsAfter(t, { kind: 'container', id: 'x', expect: { network: overlay, attached: true } })).toEqual([
      { kind: 'members', id: overlay },
      { kind: 'gateway', id: gateway },
    ]);
  });
  it('a connect on docker_gwbridge itself re-reads the bridge; a local network, nothing more', () => {
    expect(swarmTargetsAfter(t, { kind: 'container', id: 'x', expect: { network: gateway, attached: true } })).toEqual([
      { kind: 'gateway', id: gateway },
    ]);
    const bridge = findNetwork(t, 'bridge')?.id ?? '';
    expect(swarmTargetsAfter(t, { kind: 'container', id: 'x', expect: { network: bridge, attached: true } })).toEqual([]);
    expect(swarmTargetsAfter(t, { kind: 'service', id: 's' })).toEqual([]);
  });
  it('a network event re-reads its members', () => {
    expect(swarmTargetsAfter(t, { kind: 'network', id: overlay })).toEqual([{ kind: 'members', id: overlay }]);
  });
  it("a task container's event on a manager also re-reads its service's tasks", () => {
    // fx-web's task (the fixture also holds a task container of a service since removed).
    const task = Object.values(withServices.containers).find((c) => withServices.services[c.labels['com.docker.swarm.service.id'] ?? '']);
    const service = task?.labels['com.docker.swarm.service.id'];
    expect(service && withServices.services[service]).toBeTruthy();
    expect(swarmTargetsAfter(withServices, { kind: 'container', id: task?.id ?? '' })).toContainEqual({ kind: 'service', id: service });
    // Without the service in the topology (a worker), no such read.
    expect(swarmTargetsAfter(t, { kind: 'container', id: task?.id ?? '' }).map((x) => x.kind)).not.toContain('service');
  });
});
