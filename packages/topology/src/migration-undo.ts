import { isDefaultBridge } from './from-engine.js';
import { findEndpoint } from './lookup.js';
import type { Container, Network, Topology } from './types.js';

/**
 * What undoing a migration cannot put back once a container has left `source`, said in the plan
 * before anyone applies it. The undo reconnects each container with the settings its endpoint had
 * (fixed addresses, aliases, links), but:
 * - an address the network chose itself was never fixed, so the engine hands out whichever address
 *   is free then (20.10 gives the lowest free one, not necessarily the old one);
 * - the default bridge takes no fixed address at all (20.10: "user specified IP address is supported
 *   on user defined networks only");
 * - a `--link` entry is a line written into the linking container's /etc/hosts when it started:
 *   nothing rewrites it when the container it names comes back with another address.
 */
export function undoWarnings(t: Topology, source: Network, leaving: readonly Container[]): string[] {
  const bridge = isDefaultBridge(source);
  const warnings: string[] = [];
  for (const c of leaving) {
    const e = findEndpoint(t, source.id, c.id);
    if (!e) continue;
    const lost = [bridge || !e.ipamConfig.ipv4 ? e.ipv4 : null, bridge || !e.ipamConfig.ipv6 ? e.ipv6 : null].filter(
      (a): a is string => a !== null,
    );
    if (lost.length === 0) continue;
    const it = lost.length === 1 ? 'it' : 'them';
    const why = bridge
      ? 'the default bridge takes no fixed address'
      : `'${source.name}' chose ${it}, ${it === 'it' ? 'it was' : 'they were'} not fixed with --ip`;
    const peers = bridge && e.ipv4 ? linkersOf(t, c.name) : [];
    const entries =
      peers.length === 0
        ? ''
        : `, and the --link ${peers.length === 1 ? 'entry' : 'entries'} for it in ${peers.map((p) => `'${p}'`).join(', ')} ${peers.length === 1 ? 'keeps' : 'keep'} ${e.ipv4 ?? ''}`;
    warnings.push(
      `If a later step fails after '${c.name}' leaves '${source.name}', the undo reconnects it without its ` +
        `${lost.length === 1 ? 'address' : 'addresses'} ${lost.join(' and ')} (${why}), so it may come back with another one${entries}.`,
    );
  }
  return warnings;
}

/** The containers that reach `name` through a legacy `--link` (an /etc/hosts entry of theirs). */
function linkersOf(t: Topology, name: string): string[] {
  return Object.values(t.containers)
    .filter((x) => x.links.some((l) => l.container === name))
    .map((x) => x.name)
    .sort();
}
