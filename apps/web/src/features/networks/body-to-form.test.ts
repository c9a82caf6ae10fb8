import { describe, expect, it } from 'vitest';
import { createBodyOfNetwork } from '@bridgeboard/contract';
import type { Network } from '@bridgeboard/topology';
import { bodyToForm, formCannotHold } from './body-to-form';
import { checkForm } from './check-form';
import { formToBody } from './form-to-body';

const network = (patch: Partial<Network>): Network => ({
  id: 'a'.repeat(64),
  name: 'app',
  driver: 'bridge',
  scope: 'local',
  internal: false,
  attachable: false,
  ingress: false,
  enableIPv6: false,
  ipam: { driver: 'default', config: [], options: {} },
  options: {},
  labels: {},
  created: '',
  system: false,
  hostInterface: null,
  ...patch,
});

describe('bodyToForm', () => {
  it('gives back, through formToBody, the body of a network set in every field the form has', () => {
    const n = network({
      internal: true,
      attachable: true,
      enableIPv6: true,
      labels: { 'com.docker.compose.network': 'back', team: 'a=b' },
      ipam: {
        driver: 'default',
        options: {},
        config: [
          { subnet: '10.20.0.0/24', gateway: '10.20.0.1', ipRange: '10.20.0.128/25', auxAddresses: { router: '10.20.0.2' } },
          { subnet: 'fd00:20::/64', gateway: 'fd00:20::1', ipRange: null, auxAddresses: {} },
        ],
      },
      options: {
        'com.docker.network.driver.mtu': '1400',
        'com.docker.network.bridge.name': 'br-app',
        'com.docker.network.bridge.enable_icc': 'false',
        'com.docker.network.bridge.enable_ip_masquerade': 'false',
        'com.docker.network.bridge.host_binding_ipv4': '127.0.0.1',
      },
    });
    const form = bodyToForm(createBodyOfNetwork(n));
    expect(form).toMatchObject({
      mtu: '1400',
      icc: false,
      ipMasquerade: false,
      auxAddresses: 'router=10.20.0.2',
      labels: 'com.docker.compose.network=back\nteam=a=b',
    });
    expect(checkForm(form)).toEqual({});
    expect(formToBody(form).body).toEqual({
      name: 'app',
      internal: true,
      attachable: true,
      enableIPv6: true,
      labels: { 'com.docker.compose.network': 'back', team: 'a=b' },
      subnets: [
        { subnet: '10.20.0.0/24', gateway: '10.20.0.1', ipRange: '10.20.0.128/25', auxAddresses: { router: '10.20.0.2' } },
        { subnet: 'fd00:20::/64', gateway: 'fd00:20::1' },
      ],
      options: { mtu: 1400, bridgeName: 'br-app', icc: false, ipMasquerade: false, hostBindingIpv4: '127.0.0.1' },
    });
  });

  it('keeps a macvlan network’s parent and mode, and leaves ICC and masquerade at the engine’s default', () => {
    const form = bodyToForm(createBodyOfNetwork(network({ driver: 'macvlan', options: { parent: 'eth0.10', macvlan_mode: 'vepa' } })));
    expect(form).toMatchObject({ driver: 'macvlan', parent: 'eth0.10', macvlanMode: 'vepa', icc: true, ipMasquerade: true });
    expect(formToBody(form).body).toEqual({ name: 'app', driver: 'macvlan', options: { parent: 'eth0.10', macvlanMode: 'vepa' } });
  });
});

describe('formCannotHold', () => {
  it('names a second IPv4 subnet, which the form has no room for', () => {
    const body = createBodyOfNetwork(
      network({
        ipam: {
          driver: 'default',
          options: {},
          config: [
            { subnet: '10.1.0.0/24', gateway: null, ipRange: null, auxAddresses: {} },
            { subnet: '10.2.0.0/24', gateway: null, ipRange: null, auxAddresses: {} },
          ],
        },
      }),
    );
    expect(formCannotHold(body)).toEqual(['2 IPv4 subnets (the form holds one)']);
    expect(formCannotHold(createBodyOfNetwork(network({})))).toEqual([]);
  });
});
