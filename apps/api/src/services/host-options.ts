import { readdir } from 'node:fs/promises';
import type { NetworkCreateBody } from '@bridgeboard/contract';
import type { Topology } from '@bridgeboard/topology';

/**
 * Network options that act on the host itself rather than on Docker's own bridges: a macvlan or
 * ipvlan `parent` plugs the network into one of the host's interfaces (its traffic leaves the
 * machine there), and a bridge name that is already an interface of the host makes the engine
 * take over, or clash with, that interface. Those are an admin's decisions, not an operator's.
 *
 * `hostInterfaces` is null when Bridgeboard cannot see the host's interfaces (it runs in a
 * container of its own): then any chosen bridge name counts, since nothing says it is free.
 * Returns why the request touches the host, or null.
 */
export function hostTouching(body: NetworkCreateBody, hostInterfaces: ReadonlySet<string> | null): string | null {
  const { parent, bridgeName } = body.options ?? {};
  if (parent) return `options.parent '${parent}' plugs the network into the host's own interface`;
  if (!bridgeName) return null;
  if (hostInterfaces === null) {
    return `options.bridgeName '${bridgeName}' names the host interface to create, and Bridgeboard cannot see the host's interfaces from where it runs to tell whether it exists`;
  }
  if (hostInterfaces.has(bridgeName)) return `options.bridgeName '${bridgeName}' is an existing interface of the host`;
  return null;
}

/**
 * The engine host's interfaces, or null when this process cannot see them: the engine is not on a
 * local socket (another machine), or this process does not share the host's network namespace.
 * The interface behind the engine's default bridge (`docker0` unless configured otherwise) exists
 * only there, so seeing it tells this `/sys` is the engine host's.
 */
export async function readHostInterfaces(t: Topology, engineLocal: boolean, sysRoot = '/sys'): Promise<Set<string> | null> {
  if (!engineLocal) return null;
  let names: string[];
  try {
    names = await readdir(`${sysRoot}/class/net`);
  } catch {
    return null;
  }
  const defaultBridge = Object.values(t.networks).find((n) => n.name === 'bridge' && n.driver === 'bridge');
  const bridgeInterface = defaultBridge?.options['com.docker.network.bridge.name'] ?? 'docker0';
  return names.includes(bridgeInterface) ? new Set(names) : null;
}
