import { describe, expect, it } from 'vitest';
import { managerTopology } from './swarm-fixture';
import { nodeName, sandboxOf, taskName, serviceOfTask } from './swarm-names';

describe('swarm names', () => {
  it('names a task by service and slot, a global task by its service, and leaves a standalone container alone', () => {
    expect(taskName('fx-web.2.wy80bapbi2hiu95qo3ewf5cqz', 'fx-web')).toBe('fx-web.2');
    expect(taskName('agent.ip8niam7at7z14pkxvc9fanda.wy80bapbi2hiu95qo3ewf5cqz', 'agent')).toBe('agent');
    expect(taskName('fx-web.2.wy80bapbi2hiu95qo3ewf5cqz', null)).toBe('fx-web.2.wy80bapbi2hiu95qo3ewf5cqz');
    expect(taskName('fx-b', null)).toBe('fx-b');
  });

  it('tells the engine’s own sandboxes from containers, which the verbose inspect lists alike', () => {
    const member = { networkId: 'n', endpointId: 'e', ipv4: '10.0.0.2', nodeAddr: '10.250.0.2' };
    expect(sandboxOf({ ...member, name: 'ingress-endpoint', service: null })).toBe('routing mesh sandbox');
    expect(sandboxOf({ ...member, name: 'lb-fx-ov', service: null })).toBe('load balancer sandbox');
    expect(sandboxOf({ ...member, name: 'fx-b', service: null })).toBeNull();
    expect(sandboxOf({ ...member, name: 'lb-web.1.abc', service: 'lb-web' })).toBeNull();
  });

  it('names a node by hostname, else by the address the overlay gives', () => {
    const t = managerTopology();
    expect(nodeName(t, '10.250.0.3')).toBe('bb-node-2');
    expect(nodeName(t, '10.250.0.9')).toBe('10.250.0.9');
  });
  it("reads a container's service label only when its name is a task's", () => {
    const labels = { 'com.docker.swarm.service.name': 'fx-web' };
    expect(serviceOfTask({ name: 'fx-web.2.tc5saqsp9k2wvt4cpuq1pu4g0', labels })).toBe('fx-web');
    // A plain name: the labels are not read at all (null here would throw if they were).
    expect(serviceOfTask({ name: 'web', labels: null as unknown as Record<string, string> })).toBeNull();
  });
});
