import { contains, overlaps, parseCidr, parseIp, within, type Cidr } from './addresses.js';
import { OPTION_DRIVERS, type NetworkCreateBody } from './network-create.js';
import { RESERVED_NETWORK_NAMES } from './patterns.js';

/** One problem with one field; `field` is a path such as `subnets[0].gateway`. */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * The rules a schema cannot say: addresses that must lie in their subnet, options that belong to
 * another driver. The server refuses with these before calling the engine; the web form shows the
 * same messages while the user types.
 */
export function validateNetworkCreate(body: NetworkCreateBody): FieldError[] {
  const errors: FieldError[] = [];
  const driver = body.driver ?? 'bridge';
  if (RESERVED_NETWORK_NAMES.includes(body.name)) {
    errors.push({ field: 'name', message: `name '${body.name}' is reserved for Docker's own network` });
  }
  const seen: { cidr: Cidr; field: string }[] = [];
  (body.subnets ?? []).forEach((s, i) => {
    const at = `subnets[${i}]`;
    const cidr = parseCidr(s.subnet);
    if (!cidr) {
      errors.push({ field: `${at}.subnet`, message: `'${s.subnet}' is not a valid CIDR subnet (like 10.10.0.0/24)` });
      return;
    }
    if (cidr.family === 'ipv6' && !body.enableIPv6) {
      errors.push({ field: `${at}.subnet`, message: `'${s.subnet}' is IPv6: set enableIPv6 to use it` });
    }
    const clash = seen.find((o) => overlaps(o.cidr, cidr));
    if (clash) errors.push({ field: `${at}.subnet`, message: `'${s.subnet}' overlaps ${clash.field}` });
    seen.push({ cidr, field: `${at}.subnet` });
    if (s.gateway !== undefined) {
      const gw = parseIp(s.gateway);
      if (!gw) errors.push({ field: `${at}.gateway`, message: `'${s.gateway}' is not an IP address` });
      else if (!contains(cidr, gw)) errors.push({ field: `${at}.gateway`, message: `gateway ${s.gateway} is outside subnet ${s.subnet}` });
    }
    if (s.ipRange !== undefined) {
      const range = parseCidr(s.ipRange);
      if (!range) errors.push({ field: `${at}.ipRange`, message: `'${s.ipRange}' is not a valid CIDR range` });
      else if (!within(cidr, range))
        errors.push({ field: `${at}.ipRange`, message: `IP range ${s.ipRange} is outside subnet ${s.subnet}` });
    }
    for (const [host, address] of Object.entries(s.auxAddresses ?? {})) {
      const ip = parseIp(address);
      if (!ip || !contains(cidr, ip)) {
        errors.push({ field: `${at}.auxAddresses.${host}`, message: `aux address ${address} is not an address in subnet ${s.subnet}` });
      }
    }
  });
  for (const [option, drivers] of Object.entries(OPTION_DRIVERS)) {
    if (body.options?.[option as keyof typeof OPTION_DRIVERS] !== undefined && !drivers.includes(driver)) {
      errors.push({
        field: `options.${option}`,
        message: `option ${option} applies only to ${drivers.join(' and ')} networks, not ${driver}`,
      });
    }
  }
  return errors;
}

/** A static address for `connect` must lie in one of the network's subnets. */
export function validateStaticAddress(
  field: 'ipv4Address' | 'ipv6Address',
  address: string,
  subnets: readonly string[],
): FieldError | null {
  const ip = parseIp(address);
  const family = field === 'ipv4Address' ? 'ipv4' : 'ipv6';
  if (!ip || ip.kind() !== family) return { field, message: `'${address}' is not an ${family === 'ipv4' ? 'IPv4' : 'IPv6'} address` };
  const inside = subnets.map(parseCidr).some((c) => c !== null && contains(c, ip));
  return inside ? null : { field, message: `${address} is outside the network's subnets (${subnets.join(', ') || 'none'})` };
}
