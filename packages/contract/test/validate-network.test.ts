import { describe, expect, it } from 'vitest';
import { checkConnect, checkNetworkCreate, validateNetworkCreate, validateStaticAddress, type NetworkCreateBody } from '../src/index.js';

const fields = (body: NetworkCreateBody) => validateNetworkCreate(body).map((e) => e.field);

describe('validateNetworkCreate', () => {
  it('accepts a full bridge network', () => {
    expect(
      validateNetworkCreate({
        name: 'appnet',
        subnets: [
          { subnet: '10.10.0.0/24', gateway: '10.10.0.1', ipRange: '10.10.0.128/25', auxAddresses: { printer: '10.10.0.5' } },
          { subnet: 'fd00:10::/64', gateway: 'fd00:10::1' },
        ],
        enableIPv6: true,
        options: { mtu: 1400, bridgeName: 'br-app', icc: false, ipMasquerade: true, hostBindingIpv4: '127.0.0.1' },
      }),
    ).toEqual([]);
  });

  it.each(['10.0.0.0/33', '300.1.1.1/24', '10.0.0.0', '10.1/16', 'fd00::/129', 'x/24'])('refuses the CIDR %s', (subnet) => {
    expect(fields({ name: 'n', subnets: [{ subnet }] })).toEqual(['subnets[0].subnet']);
  });

  it('refuses gateway, range and aux addresses outside the subnet', () => {
    expect(
      fields({
        name: 'n',
        subnets: [{ subnet: '10.0.0.0/24', gateway: '10.0.1.1', ipRange: '10.0.0.0/23', auxAddresses: { a: '10.9.9.9', b: 'nope' } }],
      }),
    ).toEqual(['subnets[0].gateway', 'subnets[0].ipRange', 'subnets[0].auxAddresses.a', 'subnets[0].auxAddresses.b']);
  });

  it('refuses an IPv4 gateway for an IPv6 subnet', () => {
    expect(fields({ name: 'n', enableIPv6: true, subnets: [{ subnet: 'fd00::/64', gateway: '10.0.0.1' }] })).toEqual([
      'subnets[0].gateway',
    ]);
  });

  it('refuses an IPv6 subnet without enableIPv6, and subnets that overlap each other', () => {
    expect(fields({ name: 'n', subnets: [{ subnet: 'fd00::/64' }] })).toEqual(['subnets[0].subnet']);
    expect(fields({ name: 'n', subnets: [{ subnet: '10.0.0.0/16' }, { subnet: '10.0.5.0/24' }] })).toEqual(['subnets[1].subnet']);
  });

  it('refuses the names Docker keeps for itself', () => {
    for (const name of ['bridge', 'host', 'none']) expect(fields({ name })).toEqual(['name']);
  });

  it('refuses options that belong to another driver', () => {
    expect(fields({ name: 'n', options: { parent: 'eth0' } })).toEqual(['options.parent']);
    expect(fields({ name: 'n', driver: 'macvlan', options: { parent: 'eth0', mtu: 1400, ipvlanMode: 'l2' } })).toEqual([
      'options.mtu',
      'options.ipvlanMode',
    ]);
    expect(fields({ name: 'n', driver: 'ipvlan', options: { parent: 'eth0', ipvlanMode: 'l3', ipvlanFlag: 'private' } })).toEqual([]);
  });
});

describe('validateStaticAddress', () => {
  it('accepts an address inside one of the subnets and refuses others', () => {
    expect(validateStaticAddress('ipv4Address', '10.0.0.9', ['10.0.0.0/24'])).toBeNull();
    expect(validateStaticAddress('ipv6Address', 'fd00::9', ['10.0.0.0/24', 'fd00::/64'])).toBeNull();
    expect(validateStaticAddress('ipv4Address', '10.0.1.9', ['10.0.0.0/24'])?.message).toMatch(/outside/);
    expect(validateStaticAddress('ipv4Address', '10.0.0.999', ['10.0.0.0/24'])?.message).toMatch(/not an IP/);
  });
});

describe('checkNetworkCreate', () => {
  it('reports schema problems by field, then the semantic ones', () => {
    expect(checkNetworkCreate({ name: 'a b', options: { mtu: 5 } }).map((e) => e.field)).toEqual(['name', 'options.mtu']);
    expect(checkNetworkCreate({ name: 'ok', subnets: [{ subnet: '10.0.0.0/24', gateway: '10.0.1.1' }] }).map((e) => e.field)).toEqual([
      'subnets[0].gateway',
    ]);
    expect(checkNetworkCreate({ name: 'ok', subnets: [{ subnet: '10.0.0.0/24' }] })).toEqual([]);
  });
});

describe('NetworkCreateBody schema', () => {
  it('refuses label keys and aux-address names that miss their pattern', () => {
    expect(checkNetworkCreate({ name: 'n', labels: { 'bad key': 'x' } }).map((e) => e.field)).toEqual(['labels.bad key']);
    expect(
      checkNetworkCreate({ name: 'n', subnets: [{ subnet: '10.0.0.0/24', auxAddresses: { '../x': '10.0.0.5' } }] }).length,
    ).toBeGreaterThan(0);
    expect(checkNetworkCreate({ name: 'n', labels: { 'com.example.team': 'ops' } })).toEqual([]);
  });
});

describe('checkConnect', () => {
  it('applies the server rules: alias shape, count and uniqueness; address family and subnet', () => {
    const subnets = ['10.0.0.0/24'];
    expect(checkConnect({ container: 'web', aliases: ['api'], ipv4Address: '10.0.0.9' }, subnets)).toEqual([]);
    expect(checkConnect({ container: 'web', aliases: ['bad alias'] }, subnets).map((e) => e.field)).toEqual(['aliases.0']);
    expect(checkConnect({ container: 'web', aliases: ['a', 'a'] }, subnets).length).toBeGreaterThan(0);
    expect(checkConnect({ container: 'web', aliases: Array.from({ length: 17 }, (_, i) => `a${i}`) }, subnets).length).toBeGreaterThan(0);
    expect(checkConnect({ container: 'web', ipv4Address: 'fd00::1' }, subnets).map((e) => e.field)).toEqual(['ipv4Address']);
    expect(checkConnect({ container: 'web', ipv4Address: '10.0.1.9' }, subnets).map((e) => e.field)).toEqual(['ipv4Address']);
  });
});
