import ipaddr from 'ipaddr.js';
import type { NetworkSpec } from '../network-commands.js';
import { parseCidr } from '../subnets.js';

/**
 * Address arithmetic of a network edit: which of the new subnets holds an address, the same host
 * number in another subnet, and what an address must not be there. Addresses are numbers
 * (BigInt, so IPv4 and IPv6 take the same path).
 */

export type Family = 'ipv4' | 'ipv6';

/** One subnet of a network spec, as numbers. */
export interface SubnetRoom {
  cidr: string;
  family: Family;
  base: bigint;
  prefix: number;
  /** The gateway asked for, else the one the engine takes: the first host. */
  gateway: bigint;
  aux: { name: string; value: bigint }[];
}

const BITS: Record<Family, number> = { ipv4: 32, ipv6: 128 };

const hostMask = (family: Family, prefix: number): bigint => (1n << BigInt(BITS[family] - prefix)) - 1n;

/** A bare address (`10.0.0.5`, `fd00::5`) as a number; null when it is not one. */
export function parseAddress(text: string): { family: Family; value: bigint } | null {
  let a: ipaddr.IPv4 | ipaddr.IPv6;
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) a = ipaddr.IPv4.parse(text);
  else if (text.includes(':') && ipaddr.IPv6.isValid(text)) a = ipaddr.IPv6.parse(text);
  else return null;
  const value = a.toByteArray().reduce((n, byte) => (n << 8n) | BigInt(byte), 0n);
  return { family: a.kind(), value };
}

export function formatAddress(family: Family, value: bigint): string {
  const bytes: number[] = [];
  let rest = value;
  for (let i = 0; i < BITS[family] / 8; i++) {
    bytes.unshift(Number(rest & 0xffn));
    rest >>= 8n;
  }
  return ipaddr.fromByteArray(bytes).toString();
}

/** The subnet as numbers; null when its CIDR (or its gateway) is not one of the family. */
export function roomOf(s: NetworkSpec['subnets'][number]): SubnetRoom | null {
  const c = parseCidr(s.subnet);
  if (!c) return null;
  const family = c.address.kind();
  const start = parseAddress(c.address.toString());
  if (!start) return null;
  const base = start.value & ~hostMask(family, c.prefix);
  const gateway = s.gateway ? parseAddress(s.gateway) : { family, value: base + 1n };
  if (gateway?.family !== family) return null;
  const aux = Object.entries(s.auxAddresses ?? {}).flatMap(([name, text]) => {
    const a = parseAddress(text);
    return a?.family === family ? [{ name, value: a.value }] : [];
  });
  return { cidr: s.subnet, family, base, prefix: c.prefix, gateway: gateway.value, aux };
}

export const holds = (room: SubnetRoom, family: Family, value: bigint): boolean =>
  room.family === family && (value & ~hostMask(family, room.prefix)) === room.base;

/**
 * The same host number in `to`: 172.30.5.10 of 172.30.5.0/24 is 10.77.0.10 in 10.77.0.0/24. When
 * `to` is narrower, only the low host bits that fit are kept.
 */
export function mapAddress(value: bigint, from: SubnetRoom | null, to: SubnetRoom): bigint {
  const host = value & hostMask(to.family, from?.prefix ?? to.prefix);
  return to.base | (host & hostMask(to.family, to.prefix));
}

/** Why `value` cannot be an endpoint's address in `room`, or null when it can. */
export function addressProblem(room: SubnetRoom, value: bigint): string | null {
  if (!holds(room, room.family, value)) return `outside ${room.cidr}`;
  if (value === room.gateway) return `the gateway of ${room.cidr}`;
  const aux = room.aux.find((a) => a.value === value);
  if (aux) return `the aux address '${aux.name}' of ${room.cidr}`;
  // An IPv4 subnet's first and last addresses name the network and its broadcast (/31 and /32 have neither).
  if (room.family === 'ipv4' && room.prefix < 31) {
    if (value === room.base) return `the network address of ${room.cidr}`;
    if (value === (room.base | hostMask('ipv4', room.prefix))) return `the broadcast address of ${room.cidr}`;
  } else if (room.family === 'ipv6' && value === room.base) return `the network address of ${room.cidr}`;
  return null;
}

/**
 * The MAC an engine before API 1.44 gives a bridge endpoint: 02:42 and the four bytes of its IPv4
 * address (libnetwork's `netutils.GenerateMACFromIP`).
 */
export function macOfAddress(ipv4: string | null): string | null {
  const a = ipv4 ? parseAddress(ipv4) : null;
  if (a?.family !== 'ipv4') return null;
  const hex = formatAddress('ipv4', a.value)
    .split('.')
    .map((b) => Number(b).toString(16).padStart(2, '0'));
  return ['02', '42', ...hex].join(':');
}
