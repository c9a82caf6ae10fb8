import type { NetworkCreateBody } from '@bridgeboard/contract';
import { EMPTY_FORM, type NetworkForm } from './network-form';

type Subnet = NonNullable<NetworkCreateBody['subnets']>[number];

const isIpv6 = (s: Subnet): boolean => s.subnet.includes(':');
const lines = (record: Record<string, string> | undefined): string =>
  Object.entries(record ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');

/**
 * The form holding a request body: the way back from `formToBody`, so the edit form starts from a
 * network as it is (`createBodyOfNetwork`). The form has room for one IPv4 and one IPv6 subnet, and
 * no IPv6 range or aux addresses: `formCannotHold` says when a body has more.
 */
export function bodyToForm(body: NetworkCreateBody): NetworkForm {
  const subnets = body.subnets ?? [];
  const v4 = subnets.find((s) => !isIpv6(s));
  const v6 = subnets.find(isIpv6);
  const o = body.options ?? {};
  return {
    ...EMPTY_FORM,
    name: body.name,
    driver: body.driver ?? 'bridge',
    subnet: v4?.subnet ?? '',
    gateway: v4?.gateway ?? '',
    ipRange: v4?.ipRange ?? '',
    auxAddresses: lines(v4?.auxAddresses),
    enableIPv6: body.enableIPv6 ?? false,
    subnet6: v6?.subnet ?? '',
    gateway6: v6?.gateway ?? '',
    internal: body.internal ?? false,
    attachable: body.attachable ?? false,
    labels: lines(body.labels),
    mtu: o.mtu === undefined ? '' : String(o.mtu),
    bridgeName: o.bridgeName ?? '',
    // The engine's default is on: only an explicit `false` switches them off.
    icc: o.icc !== false,
    ipMasquerade: o.ipMasquerade !== false,
    hostBindingIpv4: o.hostBindingIpv4 ?? '',
    parent: o.parent ?? '',
    macvlanMode: o.macvlanMode ?? '',
    ipvlanMode: o.ipvlanMode ?? '',
    ipvlanFlag: o.ipvlanFlag ?? '',
  };
}

/** What of a body the form has no room for, in words; empty when the form holds all of it. */
export function formCannotHold(body: NetworkCreateBody): string[] {
  const subnets = body.subnets ?? [];
  const v4 = subnets.filter((s) => !isIpv6(s));
  const v6 = subnets.filter(isIpv6);
  const out: string[] = [];
  if (v4.length > 1) out.push(`${v4.length} IPv4 subnets (the form holds one)`);
  if (v6.length > 1) out.push(`${v6.length} IPv6 subnets (the form holds one)`);
  if (v6.some((s) => s.ipRange || (s.auxAddresses && Object.keys(s.auxAddresses).length > 0))) {
    out.push('an IPv6 IP range or aux addresses (the form has no field for them)');
  }
  return out;
}
