import { hasDns, isDefaultBridge } from './from-engine.js';
import { allowsIcc } from './exposure.js';
import { findContainer, own } from './lookup.js';
import type { Container, Endpoint, Link, Network, Topology } from './types.js';

/**
 * Who can reach whom, and why (issue 5, point 1), in the terms of the article
 * (shared/seed/README.md). Every rule below was checked with `ping -c 1 -W 1` inside busybox
 * containers on a Docker 20.10 engine (test/fixtures/reachability-stack.sh); where the engine
 * disagreed with the wording, the engine won and the comment says so.
 */
export type ReachReason =
  | 'shared-network' // a user-defined network (internal or not) both are on, with inter-container traffic on
  | 'default-bridge' // only the default bridge shared: IP only
  | 'legacy-link' // only the default bridge shared, and A has a --link to B: its name works too
  | 'icc-disabled' // every shared bridge has com.docker.network.bridge.enable_icc=false
  | 'isolated' // no shared network: only B's published ports, through the host
  | 'internal' // no shared network, and A or B is only on internal networks: no way out or in
  | 'host-mode' // A uses the host's stack, which routes to every bridge
  | 'to-host-mode' // B uses the host's stack: A reaches it at the host's address on A's bridge
  | 'shared-stack' // A and B are one network stack (container:X and X, or both host mode): over lo
  | 'none-mode' // A or B has only lo
  | 'stack-gone' // A or B joined container:X and X is not running: only lo is left
  | 'paused' // A is paused: its processes are frozen, it sends nothing (docker exec refuses it)
  | 'stopped' // A or B is not running
  | 'overlay' // B runs on another swarm node, on an overlay A is on (across-nodes.ts)
  | 'service-vip'; // B is a swarm service's virtual IP on an overlay A is on (across-nodes.ts)

export interface ReachPair {
  from: string;
  to: string;
  /** A can reach B at one of `names`. */
  byName: boolean;
  /** A can reach B at one of `addresses`. */
  byIp: boolean;
  /** Networks through which A reaches B; empty when it does not. */
  networks: string[];
  reason: ReachReason;
  explanation: string;
  /** What a probe from A should try for B: B's name, its aliases on every network, A's --link aliases for B. */
  names: string[];
  /** B's IPv4 addresses as seen from A (for a host-mode B: the host's address on A's bridges). */
  addresses: string[];
}

interface Attachment {
  network: Network;
  endpoint: Endpoint;
  ipv4: string;
}

/** The network stack a container's processes live in, after following `container:X`. */
interface Stack {
  /** Equal keys: the same namespace. */
  key: string;
  kind: 'own' | 'host' | 'none' | 'gone';
  owner: Container | undefined;
  attachments: Attachment[];
  /** The owner's --link entries: a container:X sharer reads X's /etc/hosts. */
  links: Link[];
}

// A paused container keeps its namespace and its kernel answers ping (checked); restarting does not.
const isLive = (c: Container): boolean => c.state === 'running' || c.state === 'paused';
const icc = allowsIcc;
const q = (s: string): string => `'${s}'`;

/** Each container's endpoints, found once per call: scanning every endpoint per pair is quadratic twice over. */
type EndpointIndex = Map<string, Endpoint[]>;

function indexEndpoints(t: Topology): EndpointIndex {
  const index: EndpointIndex = new Map();
  for (const e of Object.values(t.endpoints)) {
    const known = index.get(e.containerId);
    if (known) known.push(e);
    else index.set(e.containerId, [e]);
  }
  return index;
}

type Find = (ref: string) => Container | undefined;

/**
 * `findContainer` for one call, from a name index built once: looking a --link target up per pair
 * scanned every container, so one row from a linked container at 2,000 containers took 0.5 s.
 * The same answers: exact id, then name (the first in table order), then a unique id prefix.
 */
function containerFinder(t: Topology): Find {
  const byName = new Map<string, Container>();
  for (const c of Object.values(t.containers)) if (!byName.has(c.name)) byName.set(c.name, c);
  const found = new Map<string, Container | undefined>();
  return (ref) => {
    if (!found.has(ref)) found.set(ref, own(t.containers, ref) ?? byName.get(ref) ?? findContainer(t, ref));
    return found.get(ref);
  };
}

function stackOf(t: Topology, ix: EndpointIndex, find: Find, c: Container, depth = 0): Stack {
  const mode = c.networkMode;
  if (mode.kind === 'host') return { key: 'host', kind: 'host', owner: undefined, attachments: [], links: [] };
  if (mode.kind === 'none') return { key: c.id, kind: 'none', owner: c, attachments: [], links: [] };
  if (mode.kind === 'container') {
    const x = find(mode.container);
    // With X stopped a running sharer keeps only lo (checked: "Network is unreachable").
    if (!x || !isLive(x) || depth > 8) return { key: x?.id ?? c.id, kind: 'gone', owner: x, attachments: [], links: [] };
    return stackOf(t, ix, find, x, depth + 1);
  }
  const attachments: Attachment[] = [];
  for (const endpoint of ix.get(c.id) ?? []) {
    const network = t.networks[endpoint.networkId];
    if (network && endpoint.ipv4 && isLive(c)) attachments.push({ network, endpoint, ipv4: endpoint.ipv4 });
  }
  // The embedded DNS and the default route pick networks in libnetwork's endpoint order: internal
  // networks last, then by network name, compared as Go compares strings (checked: a name resolves
  // on the first shared network in that order, whatever the order the container joined them).
  const byteOrder = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  attachments.sort((a, b) => Number(a.network.internal) - Number(b.network.internal) || byteOrder(a.network.name, b.network.name));
  return { key: c.id, kind: 'own', owner: c, attachments, links: c.links };
}

function namesFor(ix: EndpointIndex, a: Stack, b: Container): string[] {
  const aliases = (ix.get(b.id) ?? []).flatMap((e) => e.aliases);
  const links = a.links.filter((l) => l.container === b.name).map((l) => l.alias);
  return [...new Set([b.name, ...aliases, ...links])];
}

/** The host's address on one of A's bridges: the gateway A would use to reach a host-mode B. */
const hostAddress = (x: Attachment): string | null =>
  x.endpoint.gateway ?? x.network.ipam.config.find((c) => c.gateway && !c.subnet.includes(':'))?.gateway ?? null;

/** A's attachments with a host address on their bridge. */
const toHost = (a: Stack): Attachment[] => a.attachments.filter((x) => hostAddress(x) !== null);

function addressesFor(a: Stack, b: Stack, bLive: boolean): string[] {
  // Not 127.0.0.1 for a stopped partner: lo answers in any running container.
  if (!bLive) return [];
  if (a.key === b.key) return ['127.0.0.1'];
  if (b.kind === 'own') return b.attachments.map((x) => x.ipv4);
  if (b.kind === 'host') return [...new Set(toHost(a).map(hostAddress))].filter((g): g is string => g !== null);
  return [];
}

/** Whether A resolves B at `names` and the answer is an address it can ping. */
function nameWorks(a: Stack, b: Stack, bName: string, names: string[]): { works: boolean; via: Attachment | undefined } {
  // A --link writes B into A's /etc/hosts (B's name and the alias), with B's default-bridge address.
  const linked = a.links.some((l) => l.container === bName);
  const bridge = a.attachments.find((x) => isDefaultBridge(x.network));
  if (linked && bridge && b.attachments.some((y) => y.network.id === bridge.network.id)) return { works: icc(bridge.network), via: bridge };
  let via: Attachment | undefined;
  for (const name of names) {
    const first = a.attachments.find(
      (x) => hasDns(x.network) && b.attachments.some((y) => y.network.id === x.network.id && y.endpoint.dnsNames.includes(name)),
    );
    if (first && icc(first.network)) return { works: true, via: first };
    via ??= first;
  }
  return { works: false, via };
}

function publishedPorts(a: Container, b: Container): string {
  if (b.ports.length === 0) return `${b.name} publishes no ports, so ${a.name} cannot reach it at all`;
  const ports = b.ports.map((p) => `${p.containerPort}/${p.protocol} on ${p.hostIp}:${p.hostPort}`).join(', ');
  return `${a.name} reaches only the ports ${b.name} publishes, through the host (${ports})`;
}

interface Verdict {
  byName: boolean;
  byIp: boolean;
  networks: string[];
  reason: ReachReason;
  explanation: string;
}

const nothing = (reason: ReachReason, explanation: string): Verdict => ({ byName: false, byIp: false, networks: [], reason, explanation });

function bridgeVerdict(a: Container, b: Container, sa: Stack, sb: Stack, names: string[]): Verdict {
  const shared = sa.attachments.filter((x) => sb.attachments.some((y) => y.network.id === x.network.id));
  const open = shared.filter((x) => icc(x.network));
  const name = nameWorks(sa, sb, b.name, names);
  const networks = open.map((x) => x.network.name);
  const userDefined = open.filter((x) => !isDefaultBridge(x.network));
  if (userDefined.length > 0) {
    const via = userDefined.map((x) => q(x.network.name) + (x.network.internal ? ' (internal: no way out)' : '')).join(' and ');
    const why = name.works
      ? ''
      : name.via
        ? `, since its name resolves on ${q(name.via.network.name)}, where enable_icc=false drops the traffic`
        : `, since no network they share knows the name ${b.name}`;
    return {
      byName: name.works,
      byIp: true,
      networks,
      reason: 'shared-network',
      explanation: `${a.name} reaches ${b.name} ${name.works ? 'by name and by IP' : 'by IP only'} over ${via}${why}`,
    };
  }
  if (open.length > 0) {
    return name.works
      ? {
          byName: true,
          byIp: true,
          networks,
          reason: 'legacy-link',
          explanation: `${a.name} and ${b.name} share only the default bridge, and ${a.name}'s legacy --link puts ${b.name} in its /etc/hosts: by name and IP from ${a.name} only, not back`,
        }
      : {
          byName: false,
          byIp: true,
          networks,
          reason: 'default-bridge',
          explanation: `${a.name} and ${b.name} share only the default bridge, which has no DNS: ${a.name} reaches ${b.name} by IP only (a --link or a user-defined network would add the name)`,
        };
  }
  if (shared.length > 0) {
    const nets = shared.map((x) => q(x.network.name)).join(' and ');
    return nothing(
      'icc-disabled',
      `${a.name} and ${b.name} share ${nets}, but enable_icc=false there drops all traffic between containers`,
    );
  }
  const onlyInternal = (s: Stack) => s.attachments.length > 0 && s.attachments.every((x) => x.network.internal);
  if (onlyInternal(sa))
    return nothing('internal', `${a.name} is only on internal networks, which have no way out, and ${b.name} is not on them`);
  if (onlyInternal(sb))
    return nothing(
      'internal',
      `${b.name} is only on internal networks, which nothing outside them can reach, and ${a.name} is not on them`,
    );
  return nothing('isolated', `${a.name} and ${b.name} share no network: ${publishedPorts(a, b)}`);
}

function verdict(a: Container, b: Container, sa: Stack, sb: Stack, names: string[], addresses: string[]): Verdict {
  if (a.state === 'paused')
    return nothing('paused', `${a.name} is paused: its processes are frozen and reach nothing until it is unpaused`);
  if (!isLive(a)) return nothing('stopped', `${a.name} is ${a.state}, not running: it reaches nothing`);
  if (!isLive(b)) return nothing('stopped', `${b.name} is ${b.state}, not running: nothing reaches it`);
  const owner = sa.owner?.name ?? 'a removed container';
  if (sa.key === sb.key) {
    if (sa.kind === 'gone') {
      const explanation = `${a.name} and ${b.name} share the stack of ${owner}, which is not running: only lo (127.0.0.1) is left`;
      return { ...nothing('shared-stack', explanation), byIp: true };
    }
    if (sa.kind === 'host')
      return {
        ...nothing('shared-stack', `${a.name} and ${b.name} both run in host mode: one stack, reached at 127.0.0.1, not by container name`),
        byIp: true,
      };
    // A sharer resolves through X's DNS; X's own name answers X's address, which is local.
    const byName = b.id === sa.owner?.id && sb.attachments.some((x) => hasDns(x.network));
    const partner = b.id === sa.owner?.id ? a : b;
    return {
      byName,
      byIp: true,
      networks: [],
      reason: 'shared-stack',
      explanation: `${partner.name} runs in container:${owner} mode: ${a.name} and ${b.name} share one network stack and talk over lo (127.0.0.1)`,
    };
  }
  const gone = (c: Container, s: Stack) =>
    `${c.name} shares the stack of ${s.owner?.name ?? 'a removed container'} (container: mode), which is not running: only lo is left`;
  if (sa.kind === 'gone') return nothing('stack-gone', gone(a, sa));
  if (sb.kind === 'gone') return nothing('stack-gone', gone(b, sb));
  if (sa.kind === 'none') return nothing('none-mode', `${a.name} runs in none mode: it has only lo and reaches nothing`);
  if (sb.kind === 'none') return nothing('none-mode', `${b.name} runs in none mode: it has only lo and nothing reaches it`);
  if (sa.kind === 'host') {
    const networks = sb.attachments.map((x) => x.network.name);
    return networks.length > 0
      ? {
          byName: false,
          byIp: true,
          networks,
          reason: 'host-mode',
          explanation: `${a.name} runs in host mode and uses the host's stack, which routes to ${networks.map(q).join(' and ')} (even internal or enable_icc=false bridges): by IP, never by container name`,
        }
      : nothing('host-mode', `${a.name} runs in host mode, and ${b.name} has no address the host routes to`);
  }
  if (sb.kind === 'host') {
    const networks = toHost(sa).map((x) => x.network.name);
    return addresses.length > 0
      ? {
          byName: false,
          byIp: true,
          networks,
          reason: 'to-host-mode',
          explanation: `${b.name} runs in host mode: ${a.name} reaches it at the host's address on its bridge (${addresses.join(', ')}), never by container name, even from internal or enable_icc=false networks`,
        }
      : nothing('to-host-mode', `${b.name} runs in host mode, and ${a.name} has no bridge gateway through which to reach the host`);
  }
  return bridgeVerdict(a, b, sa, sb, names);
}

/** Facts that do not change the verdict but that a reader (or a live probe) needs. */
function withNotes(find: Find, v: Verdict, a: Container, b: Container, sa: Stack, sb: Stack): Verdict {
  if (!isLive(a) || a.state === 'paused' || v.reason === 'shared-stack') return v;
  const deadLinks = a.links.filter((l) => {
    const target = find(l.container);
    return !target || !isLive(target);
  });
  const notes = [
    // Checked: docker exec answers "Cannot link to a non running container"; A's network still works.
    ...deadLinks.map(
      (l) => `docker exec refuses ${a.name} while its --link target ${l.container} is not running, so no live probe runs there`,
    ),
    a.networkMode.kind === 'container' && sa.kind !== 'gone' && sa.owner
      ? `${a.name} shares ${sa.owner.name}'s stack and sees what it sees`
      : '',
    b.networkMode.kind === 'container' && sb.owner && v.byIp
      ? `${b.name} shares ${sb.owner.name}'s stack: its addresses, no name of its own`
      : '',
    b.state === 'paused' && v.byIp ? `${b.name} is paused: its kernel answers ping, its processes answer nothing` : '',
  ].filter(Boolean);
  return notes.length > 0 ? { ...v, explanation: `${v.explanation} (${notes.join('; ')})` } : v;
}

const byName = (x: Container, y: Container): number => x.name.localeCompare(y.name);

/**
 * Every ordered pair of containers, sorted by name: all of them, or only those from `opts.from`,
 * and only those to `opts.to` (names or ids). `to` lets a caller take a long row in pieces: the
 * API computes answers in slices that yield to the event loop, and a row of 2,000 pairs takes up
 * to 85 ms while V8 is still optimizing this code.
 */
export function reachability(topology: Topology, opts: { from?: string; to?: readonly string[] } = {}): ReachPair[] {
  const find = containerFinder(topology);
  const wanted = opts.to === undefined ? undefined : new Set(opts.to.map((ref) => find(ref)?.id));
  const all = Object.values(topology.containers);
  // Those `to` names, sorted apart, come in the same order as among all of them, sorted.
  const to = (wanted === undefined ? all : all.filter((c) => wanted.has(c.id))).sort(byName);
  const from =
    opts.from !== undefined
      ? [findContainer(topology, opts.from)].filter((c): c is Container => c !== undefined)
      : wanted === undefined
        ? to
        : [...all].sort(byName);
  const ix = indexEndpoints(topology);
  // Made when first needed: with `to`, only the stacks of the pairs asked for.
  const stacks = new Map<string, Stack>();
  const stack = (c: Container): Stack => {
    const known = stacks.get(c.id);
    if (known) return known;
    const made = stackOf(topology, ix, find, c);
    stacks.set(c.id, made);
    return made;
  };
  const pairs: ReachPair[] = [];
  for (const a of from) {
    const sa = stack(a);
    for (const b of to) {
      if (b.id === a.id) continue;
      const sb = stack(b);
      const names = namesFor(ix, sa, b);
      const addresses = addressesFor(sa, sb, isLive(b));
      const v = withNotes(find, verdict(a, b, sa, sb, names, addresses), a, b, sa, sb);
      pairs.push({ from: a.name, to: b.name, ...v, names, addresses });
    }
  }
  return pairs;
}
