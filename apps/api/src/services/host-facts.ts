import { readFile } from 'node:fs/promises';
import { endianness } from 'node:os';
import type { HostFactsResponse } from '@bridgeboard/contract';
import type { Topology } from '@bridgeboard/topology';
import { readHostInterfaces } from './host-options.js';

/**
 * The engine host's uplink and routes, for the capacity lints (issue 14): read from /proc and
 * /sys, so only for an engine on this host, seen from its own network namespace.
 */

/** The core's `HostFacts`, as the contract describes them (it proves the two equal). */
export type HostFacts = NonNullable<HostFactsResponse['host']>;

/** One line of /proc/net/route: an IPv4 route of the main table. */
export interface ProcRoute {
  interface: string;
  /** As a CIDR: `192.0.2.0/24`, `0.0.0.0/0` for a default route. */
  destination: string;
  metric: number;
  /** The route's own MTU; 0 (most routes) means the interface's. */
  mtu: number;
}

const RTF_UP = 0x1;
const RTF_REJECT = 0x200;

/**
 * The kernel prints each address as the 32-bit number it keeps in network byte order, read as a
 * host integer (`%08X`): on a little-endian host `000200C0` is 192.0.2.0.
 */
function address(hex: string, order: 'LE' | 'BE'): number[] {
  const n = parseInt(hex, 16);
  const bytes = [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
  return order === 'LE' ? bytes.reverse() : bytes;
}

/** The prefix length of a netmask, or null when its ones are not contiguous. */
function prefixOf(mask: number[]): number | null {
  const bits = mask.map((b) => b.toString(2).padStart(8, '0')).join('');
  return /^1*0*$/.test(bits) ? bits.replace(/0+$/, '').length : null;
}

/** The routes that are up, from the text of /proc/net/route (its header line first). */
export function parseRoutes(text: string, order: 'LE' | 'BE' = endianness()): ProcRoute[] {
  return text
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .flatMap(([iface = '', dest = '', , flagsHex = '', , , metric = '', maskHex = '', mtu = '']) => {
      const flags = parseInt(flagsHex, 16);
      if (!/^[0-9A-Fa-f]{8}$/.test(dest) || !/^[0-9A-Fa-f]{8}$/.test(maskHex) || !(flags & RTF_UP) || flags & RTF_REJECT) return [];
      const prefix = prefixOf(address(maskHex, order));
      if (prefix === null) return [];
      const destination = `${address(dest, order).join('.')}/${prefix}`;
      return [{ interface: iface, destination, metric: Number(metric) || 0, mtu: Number(mtu) || 0 }];
    });
}

/** Docker's own interfaces: their routes are the networks themselves, which the lints already know. */
const DOCKERS_OWN = /^(docker0|docker_gwbridge|br-[0-9a-f]{12}|veth.+)$/;

/** The route the host's traffic to the rest of the world takes: the default route of lowest metric. */
const defaultRoute = (routes: ProcRoute[]): ProcRoute | undefined =>
  routes.filter((r) => r.destination === '0.0.0.0/0').sort((a, b) => a.metric - b.metric)[0];

/** The facts from the routes and the MTU of the default route's interface (null when unknown). */
export function hostFactsOf(routes: ProcRoute[], interfaceMtu: number | null): HostFacts {
  const uplink = defaultRoute(routes);
  return {
    // A route's own MTU, when it has one, caps what leaves by it.
    uplink:
      uplink && interfaceMtu !== null
        ? { name: uplink.interface, mtu: uplink.mtu > 0 ? Math.min(uplink.mtu, interfaceMtu) : interfaceMtu }
        : null,
    routes: routes
      .filter((r) => r.destination !== '0.0.0.0/0' && !DOCKERS_OWN.test(r.interface))
      .map((r) => ({ destination: r.destination, interface: r.interface })),
  };
}

async function readMtu(sysRoot: string, name: string): Promise<number | null> {
  try {
    const mtu = Number((await readFile(`${sysRoot}/class/net/${name}/mtu`, 'utf8')).trim());
    return Number.isInteger(mtu) && mtu > 0 ? mtu : null;
  } catch {
    return null;
  }
}

/**
 * The engine host's facts, or undefined when this process cannot see them: the engine is on
 * another machine, or this process has a network namespace of its own (Bridgeboard in a
 * container: its /proc/net/route is the container's). Same test as readHostInterfaces: the
 * default bridge's interface is visible only from the host's namespace.
 */
export async function readHostFacts(
  t: Topology,
  engineLocal: boolean,
  roots: { proc: string; sys: string } = { proc: '/proc', sys: '/sys' },
): Promise<HostFacts | undefined> {
  if ((await readHostInterfaces(t, engineLocal, roots.sys)) === null) return undefined;
  let text: string;
  try {
    text = await readFile(`${roots.proc}/net/route`, 'utf8');
  } catch {
    return undefined;
  }
  const routes = parseRoutes(text);
  const uplink = defaultRoute(routes);
  return hostFactsOf(routes, uplink ? await readMtu(roots.sys, uplink.interface) : null);
}
