import ipaddr from 'ipaddr.js';

/** Address arithmetic on strict forms only: `10.1` or `0x0a.0.0.1` are not addresses here. */

export type Family = 'ipv4' | 'ipv6';
export interface Cidr {
  address: ipaddr.IPv4 | ipaddr.IPv6;
  prefix: number;
  family: Family;
}

export function parseIp(text: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
  if (text.includes(':') && ipaddr.IPv6.isValid(text)) return ipaddr.IPv6.parse(text);
  return null;
}

export function parseCidr(text: string): Cidr | null {
  const slash = text.indexOf('/');
  if (slash < 0) return null;
  const address = parseIp(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!address || !/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  const family: Family = address.kind() === 'ipv4' ? 'ipv4' : 'ipv6';
  if (prefix > (family === 'ipv4' ? 32 : 128)) return null;
  return { address, prefix, family };
}

export function contains(cidr: Cidr, ip: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  return ip.kind() === cidr.address.kind() && ip.match([cidr.address, cidr.prefix] as never);
}

/** Whether `inner` lies wholly inside `outer`. */
export function within(outer: Cidr, inner: Cidr): boolean {
  return inner.prefix >= outer.prefix && contains(outer, inner.address);
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.family === b.family && (within(a, b) || within(b, a));
}
