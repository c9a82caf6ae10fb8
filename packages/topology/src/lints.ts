import { allowsIcc, publishesToEveryone } from './exposure.js';
import { hasDns, isDefaultBridge } from './from-engine.js';
import { endpointsOfContainer, endpointsOfNetwork, own } from './lookup.js';
import { addressPoolLints, bridgePortLints } from './capacity-lints.js';
import { mtuLints, routeOverlapLints } from './host-lints.js';
import { BACK_END_PORTS, WHY, lint } from './lint-reasons.js';
import type { HostFacts, Lint } from './lint-types.js';
import { expandLinkedGroup } from './link-groups.js';
import { subnetsOf, subnetsOverlap } from './subnets.js';
import type { Container, Network, Topology } from './types.js';

export type { Fix, HostFacts, Lint, LintCode } from './lint-types.js';

const SEVERITY_ORDER = { danger: 0, warning: 1, info: 2 } as const;
const CODE_ORDER = Object.keys(WHY);
const quoteList = (names: string[]): string => names.map((n) => `'${n}'`).join(', ');
const byName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name);
const sorted = (names: Iterable<string>): string[] => [...new Set(names)].sort();

function defaultBridgeLints(t: Topology): Lint[] {
  const out: Lint[] = [];
  for (const n of Object.values(t.networks).filter(isDefaultBridge).sort(byName)) {
    const running = endpointsOfNetwork(t, n.id)
      .map((e) => own(t.containers, e.containerId))
      .filter((c): c is Container => c?.state === 'running');
    // One lint per compose project (no project = one group), so the fix keeps a stack together.
    const groups = new Map<string, string[]>();
    for (const c of running) groups.set(c.composeProject ?? '', [...(groups.get(c.composeProject ?? '') ?? []), c.name]);
    for (const [project, names] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
      const who = names.length === 1 ? `'${names[0] ?? ''}' is` : `${quoteList(sorted(names))} are`;
      const scope = project ? ` (compose project '${project}')` : '';
      const message = `${who} running on the default bridge '${n.name}'${scope}.`;
      out.push(lint('default-bridge', 'warning', message, sorted(names), [n.name], { kind: 'migrate', containers: sorted(names) }));
    }
  }
  return out;
}

function legacyLinkLints(t: Topology): Lint[] {
  const seen = new Set<string>();
  const out: Lint[] = [];
  for (const c of Object.values(t.containers).sort(byName)) {
    if (c.links.length === 0 || seen.has(c.name)) continue;
    const group = sorted(expandLinkedGroup(t, [c.name]).filter((name) => Object.values(t.containers).some((x) => x.name === name)));
    group.forEach((name) => seen.add(name));
    const links = Object.values(t.containers)
      .filter((x) => group.includes(x.name))
      .sort(byName)
      .flatMap((x) => x.links.map((l) => `'${x.name}' → '${l.container}' as '${l.alias}'`));
    const message = `Legacy --link ${links.join(', ')}.`;
    out.push(lint('legacy-link', 'warning', message, group, [], { kind: 'migrate', containers: group }));
  }
  return out;
}

/** User-defined networks where members talk directly: DNS by name and inter-container traffic allowed. */
const sharedNetworks = (t: Topology, c: Container): Network[] =>
  endpointsOfContainer(t, c.id)
    .map((e) => own(t.networks, e.networkId))
    .filter((n): n is Network => n !== undefined && hasDns(n) && allowsIcc(n));

function backendPublishedLints(t: Topology): Lint[] {
  const out: Lint[] = [];
  for (const c of Object.values(t.containers).sort(byName)) {
    const backEnd = c.ports.filter((p) => BACK_END_PORTS[p.containerPort] !== undefined);
    if (c.state !== 'running' || backEnd.length === 0) continue;
    const nets = sharedNetworks(t, c);
    const fronts = new Set<string>();
    const via = new Set<string>();
    for (const n of nets) {
      for (const e of endpointsOfNetwork(t, n.id)) {
        const peer = own(t.containers, e.containerId);
        if (!peer || peer.id === c.id || peer.state !== 'running' || peer.ports.length === 0) continue;
        fronts.add(peer.name);
        via.add(n.name);
      }
    }
    if (fronts.size === 0) continue;
    const ports = backEnd.map(
      (p) => `${p.containerPort}/${p.protocol} (${BACK_END_PORTS[p.containerPort] ?? ''}) on ${p.hostIp || '0.0.0.0'}:${p.hostPort}`,
    );
    const message = `'${c.name}' publishes ${ports.join(', ')}, yet ${quoteList(sorted(fronts))} can reach it over ${quoteList(sorted(via))}.`;
    const severity = backEnd.some((p) => publishesToEveryone(p.hostIp)) ? 'warning' : 'info';
    out.push(lint('backend-published', severity, message, [c.name, ...sorted(fronts)], sorted(via), null));
  }
  return out;
}

function hostModeLints(t: Topology): Lint[] {
  return Object.values(t.containers)
    .filter((c) => c.networkMode.kind === 'host')
    .sort(byName)
    .map((c) =>
      c.privileged
        ? lint('host-privileged', 'danger', `'${c.name}' runs in host mode and privileged.`, [c.name], [], null)
        : lint('host-mode', 'warning', `'${c.name}' runs in host mode.`, [c.name], [], null),
    );
}

/** Engine-made networks are never "empty" in a way a user should fix, and swarm networks live elsewhere too. */
const isUserNetwork = (n: Network): boolean => !n.system && !n.ingress && n.scope === 'local' && n.name !== 'docker_gwbridge';

function emptyNetworkLints(t: Topology): Lint[] {
  return Object.values(t.networks)
    .filter((n) => isUserNetwork(n) && endpointsOfNetwork(t, n.id).length === 0)
    .sort(byName)
    .map((n) =>
      lint('empty-network', 'info', `Network '${n.name}' has no containers.`, [], [n.name], { kind: 'remove-network', network: n.name }),
    );
}

function overlappingSubnetLints(t: Topology): Lint[] {
  const nets = Object.values(t.networks).sort(byName);
  const out: Lint[] = [];
  nets.forEach((a, i) => {
    for (const b of nets.slice(i + 1)) {
      for (const sa of subnetsOf(a)) {
        const sb = subnetsOf(b).find((s) => subnetsOverlap(sa, s));
        if (sb)
          out.push(lint('overlapping-subnets', 'warning', `'${a.name}' (${sa}) overlaps '${b.name}' (${sb}).`, [], [a.name, b.name], null));
      }
    }
  });
  return out;
}

/**
 * Every lint of the topology, most severe first, then in the order of the codes in WHY. `host`:
 * the engine host's facts, when the caller could read them; without them the lints that weigh the
 * networks against the host (an MTU against the uplink's, a subnet against the host's routes) are
 * left out, and the address pools are counted against the networks alone.
 */
export function lints(t: Topology, host?: HostFacts): Lint[] {
  return [
    ...defaultBridgeLints(t),
    ...legacyLinkLints(t),
    ...backendPublishedLints(t),
    ...hostModeLints(t),
    ...emptyNetworkLints(t),
    ...overlappingSubnetLints(t),
    ...routeOverlapLints(t, host),
    ...addressPoolLints(t, host),
    ...bridgePortLints(t),
    ...mtuLints(t, host),
  ].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || CODE_ORDER.indexOf(a.code) - CODE_ORDER.indexOf(b.code));
}
