/** The shape of a lint, and the host's facts the capacity lints weigh the networks against. */

/** What the board can do about a lint in one click; null when only a re-create would help. */
export type Fix = { kind: 'migrate'; containers: string[] } | { kind: 'remove-network'; network: string };

export type LintCode =
  | 'default-bridge'
  | 'legacy-link'
  | 'backend-published'
  | 'host-mode'
  | 'host-privileged'
  | 'empty-network'
  | 'overlapping-subnets'
  | 'route-overlap'
  | 'address-pools'
  | 'bridge-ports'
  | 'mtu';

export interface Lint {
  code: LintCode;
  severity: 'info' | 'warning' | 'danger';
  /** One sentence naming the objects. */
  message: string;
  /** The reason, the article's (`shared/seed/README.md`) where it has one; one or two sentences. */
  why: string;
  /** What to do when there is no one-click fix (see ADVICE); null when the reason already says it. */
  advice: string | null;
  containers: string[];
  networks: string[];
  fix: Fix | null;
}

/**
 * What the engine's host says about its own network, read by the API where it can see it (an
 * engine on this host, in this network namespace). Without them the lints that need them are not
 * computed at all: a guess about another machine would be noise.
 */
export interface HostFacts {
  /** The interface of the host's default route, with the MTU its packets leave by; null without a default route. */
  uplink: { name: string; mtu: number } | null;
  /** The host's IPv4 routes, `destination` as a CIDR; Docker's own bridges and veths left out, they are the networks themselves. */
  routes: { destination: string; interface: string }[];
}
