import ipaddr from 'ipaddr.js';
import type { Network, Topology } from './types.js';

/** Subnet arithmetic for the lints and the migration assistant: overlap and finding a free /24. */

export interface Cidr {
  address: ipaddr.IPv4 | ipaddr.IPv6;
  prefix: number;
}

/** Strict forms only (`10.1.0.0/16`, `fd00::/64`); anything else is null. */
export function parseCidr(text: string): Cidr | null {
  const [addr = '', prefixText = '', ...rest] = text.split('/');
  if (rest.length > 0 || !/^\d{1,3}$/.test(prefixText)) return null;
  let address: ipaddr.IPv4 | ipaddr.IPv6;
  if (ipaddr.IPv4.isValidFourPartDecimal(addr)) address = ipaddr.IPv4.parse(addr);
  else if (addr.includes(':') && ipaddr.IPv6.isValid(addr)) address = ipaddr.IPv6.parse(addr);
  else return null;
  const prefix = Number(prefixText);
  return prefix <= (address.kind() === 'ipv4' ? 32 : 128) ? { address, prefix } : null;
}

/** Two ranges overlap when they agree on the bits of the shorter prefix. */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return a.address.kind() === b.address.kind() && a.address.match(b.address, Math.min(a.prefix, b.prefix));
}

export function subnetsOverlap(a: string, b: string): boolean {
  const x = parseCidr(a);
  const y = parseCidr(b);
  return x !== null && y !== null && cidrsOverlap(x, y);
}

/** Every subnet the engine's IPAM holds for a network, IPv4 and IPv6. */
export const subnetsOf = (n: Network): string[] => n.ipam.config.map((c) => c.subnet).filter((s) => s !== '');

export function takenSubnets(t: Topology): string[] {
  return Object.values(t.networks).flatMap(subnetsOf);
}

/** Private ranges Docker's own default pools leave alone on a stock engine (they start at 172.17/16). */
export const MIGRATION_POOLS = ['10.200.0.0/16', '172.28.0.0/14'] as const;

/** `10.0.0.5/24` → `10.0.0.0/24` (the engine refuses the former); null when not a CIDR. */
export function networkAddress(subnet: string): string | null {
  const c = parseCidr(subnet);
  if (!c) return null;
  const net = c.address.kind() === 'ipv4' ? ipaddr.IPv4.networkAddressFromCIDR(subnet) : ipaddr.IPv6.networkAddressFromCIDR(subnet);
  return `${net.toString()}/${c.prefix}`;
}

/** The first address after the network address: where Docker puts a bridge's gateway by default. */
export function firstHost(subnet: string): string | null {
  const c = parseCidr(subnet);
  if (c?.address.kind() !== 'ipv4' || c.prefix > 30) return null;
  const [a = 0, b = 0, d = 0, e = 0] = ipaddr.IPv4.networkAddressFromCIDR(subnet).toByteArray();
  return `${a}.${b}.${d}.${e + 1}`;
}

/** The first /24 of the pools that overlaps none of `taken`, with its gateway; null when all are used. */
export function freeSubnet(
  taken: readonly string[],
  pools: readonly string[] = MIGRATION_POOLS,
): { subnet: string; gateway: string } | null {
  const used = taken.map(parseCidr).filter((c): c is Cidr => c !== null);
  for (const pool of pools) {
    const p = parseCidr(pool);
    if (p?.address.kind() !== 'ipv4' || p.prefix > 24) continue;
    const [a = 0, b = 0, c = 0] = ipaddr.IPv4.networkAddressFromCIDR(pool).toByteArray();
    const start = a * 2 ** 24 + b * 2 ** 16 + c * 2 ** 8;
    for (let i = 0; i < 2 ** (24 - p.prefix); i++) {
      const n = start + i * 256;
      const prefix24 = `${Math.floor(n / 2 ** 24)}.${Math.floor(n / 2 ** 16) % 256}.${Math.floor(n / 256) % 256}`;
      const candidate = parseCidr(`${prefix24}.0/24`);
      if (candidate && !used.some((u) => cidrsOverlap(u, candidate))) return { subnet: `${prefix24}.0/24`, gateway: `${prefix24}.1` };
    }
  }
  return null;
}
