import { describe, expect, it } from 'vitest';
import type { Network } from '@bridgeboard/topology';
import { editRefusal } from './edit-availability';

const network = (patch: Partial<Network>): Network => ({
  id: 'b'.repeat(64),
  name: 'app',
  driver: 'bridge',
  scope: 'local',
  internal: false,
  attachable: false,
  ingress: false,
  enableIPv6: false,
  ipam: { driver: 'default', config: [{ subnet: '10.9.0.0/24', gateway: '10.9.0.1', ipRange: null, auxAddresses: {} }], options: {} },
  options: {},
  labels: {},
  created: '',
  system: false,
  hostInterface: 'br-bbbbbbbbbbbb',
  ...patch,
});

const MAY = { allowed: true, reason: null };

describe('editRefusal', () => {
  it('offers the edit of a user-defined bridge to an operator', () => {
    expect(editRefusal(network({}), MAY)).toBeNull();
  });
  it('tells a viewer the role it needs', () => {
    expect(editRefusal(network({}), { allowed: false, reason: null })).toMatch(/operator role/);
  });
  it('tells a holder of grants on other networks the grant this one lacks', () => {
    expect(editRefusal(network({}), { allowed: false, reason: 'this needs operator on network …' })).toBe(
      'this needs operator on network …',
    );
  });
  it("refuses Docker's own networks, for anyone", () => {
    for (const n of [network({ name: 'bridge', system: true }), network({ name: 'host', driver: 'host', system: true })]) {
      expect(editRefusal(n, MAY)).toBe("Docker's own networks cannot be re-made");
    }
  });
  it('refuses swarm networks and the gateway bridge swarm makes', () => {
    expect(editRefusal(network({ driver: 'overlay', scope: 'swarm' }), MAY)).toMatch(/swarm network/);
    expect(editRefusal(network({ name: 'docker_gwbridge' }), MAY)).toMatch(/docker_gwbridge/);
  });
  it('refuses a driver or a second subnet the form has no room for', () => {
    expect(editRefusal(network({ driver: 'weave' }), MAY)).toMatch(/weave driver/);
    const two = network({});
    two.ipam.config.push({ subnet: '10.10.0.0/24', gateway: null, ipRange: null, auxAddresses: {} });
    expect(editRefusal(two, MAY)).toMatch(/2 IPv4 subnets/);
  });
});
