import { describe, expect, it } from 'vitest';
import { checkForm } from './check-form';
import { formToBody } from './form-to-body';
import { EMPTY_FORM, type NetworkForm } from './network-form';

const form = (patch: Partial<NetworkForm>): NetworkForm => ({ ...EMPTY_FORM, ...patch });

describe('formToBody', () => {
  it('sends only what the user set, so the engine defaults apply', () => {
    expect(formToBody(form({ name: 'app', mtu: '1400', parent: 'eth0' })).body).toEqual({ name: 'app', options: { mtu: 1400 } });
  });
  it('sends ICC and masquerade only when switched off', () => {
    expect(formToBody(form({ name: 'app', icc: false })).body.options).toEqual({ icc: false });
    expect(formToBody(form({ name: 'app' })).body.options).toBeUndefined();
  });
  it('builds subnets, aux addresses, labels and the IPv6 subnet', () => {
    const { body, subnetGroups } = formToBody(
      form({
        name: 'app',
        subnet: '10.220.1.0/24',
        gateway: '10.220.1.1',
        auxAddresses: 'router=10.220.1.2\n\n',
        labels: 'team=qa\nurl=a=b',
        enableIPv6: true,
        subnet6: 'fd00:220::/64',
      }),
    );
    expect(body).toEqual({
      name: 'app',
      enableIPv6: true,
      labels: { team: 'qa', url: 'a=b' },
      subnets: [{ subnet: '10.220.1.0/24', gateway: '10.220.1.1', auxAddresses: { router: '10.220.1.2' } }, { subnet: 'fd00:220::/64' }],
    });
    expect(subnetGroups).toEqual(['v4', 'v6']);
  });
  it('sends only the chosen driver’s options', () => {
    const { body } = formToBody(form({ name: 'v', driver: 'ipvlan', parent: 'eth0', ipvlanMode: 'l3', macvlanMode: 'vepa', mtu: '9000' }));
    expect(body).toEqual({ name: 'v', driver: 'ipvlan', options: { parent: 'eth0', ipvlanMode: 'l3' } });
  });
});

describe('checkForm', () => {
  it('shows a gateway outside its subnet even while the name is still empty', () => {
    expect(checkForm(form({ subnet: '10.220.5.0/24', gateway: '10.221.5.1' }))).toEqual({
      name: 'a network needs a name',
      gateway: 'gateway 10.221.5.1 is outside subnet 10.220.5.0/24',
    });
  });
  it('maps errors of the IPv6 subnet back to its fields when the IPv4 one is set aside', () => {
    const errors = checkForm(form({ name: 'n6', subnet: 'x'.repeat(70), enableIPv6: true, subnet6: 'fd00::/64', gateway6: 'fd01::1' }));
    expect(Object.keys(errors).sort()).toEqual(['gateway6', 'subnet']);
  });
  it('puts each rule under its field', () => {
    const errors = checkForm(
      form({ name: 'bridge', mtu: '20', hostBindingIpv4: '1.2.3', subnet: '10.0.0.0/24', ipRange: '10.0.1.0/24', labels: 'nokey' }),
    );
    expect(errors.name).toMatch(/reserved/);
    expect(errors.mtu).toMatch(/68 to 65535/);
    expect(errors.hostBindingIpv4).toMatch(/not an IPv4 address/);
    expect(errors.ipRange).toMatch(/outside subnet/);
    expect(errors.labels).toMatch(/key=value/);
  });
  it('asks for a subnet before a gateway', () => {
    expect(checkForm(form({ name: 'ok', gateway: '10.0.0.1' }))).toEqual({ gateway: 'needs a subnet: set the subnet first' });
  });
  it('accepts a valid form', () => {
    expect(checkForm(form({ name: 'ok', subnet: '10.220.0.0/24', gateway: '10.220.0.1', mtu: '1400' }))).toEqual({});
  });
});
