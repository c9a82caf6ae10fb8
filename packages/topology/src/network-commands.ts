/** `docker network …` command lines, shell-safe, shared by the export and the migration plan. */

/**
 * POSIX shell quoting: words made only of characters no shell treats specially stay bare, any
 * other word goes in single quotes, where nothing is special but `'` itself (written `'\''`).
 */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** Flags, then the positional names; `--` first when a name could be read as a flag. */
function command(words: string[], flags: (string | null)[], positionals: string[]): string {
  const end = positionals.some((p) => p.startsWith('-')) ? ['--'] : [];
  return [...words, ...flags.filter((f): f is string => f !== null), ...end, ...positionals.map(shellQuote)].join(' ');
}

const flag = (name: string, value: string | null | undefined): string | null => (value ? `${name} ${shellQuote(value)}` : null);
const pairs = (name: string, map: Record<string, string> = {}): string[] =>
  Object.keys(map)
    .sort()
    .map((k) => `${name} ${shellQuote(`${k}=${map[k] ?? ''}`)}`);

export interface NetworkSpec {
  name: string;
  driver: string;
  subnets: { subnet: string; gateway?: string | null; ipRange?: string | null; auxAddresses?: Record<string, string> }[];
  internal?: boolean;
  ipv6?: boolean;
  attachable?: boolean;
  /** Driver options, `-o key=value` (`com.docker.network.driver.mtu`, `…bridge.enable_icc`, …). */
  options?: Record<string, string>;
  labels?: Record<string, string>;
  ipamDriver?: string;
  ipamOptions?: Record<string, string>;
}

export function createCommand(n: NetworkSpec): string {
  return command(
    ['docker', 'network', 'create'],
    [
      flag('--driver', n.driver),
      flag('--ipam-driver', n.ipamDriver && n.ipamDriver !== 'default' ? n.ipamDriver : null),
      ...pairs('--ipam-opt', n.ipamOptions),
      // The CLI pairs each --gateway/--ip-range/--aux-address with the --subnet that contains it.
      ...n.subnets.flatMap((s) => [
        flag('--subnet', s.subnet),
        flag('--gateway', s.gateway),
        flag('--ip-range', s.ipRange),
        ...pairs('--aux-address', s.auxAddresses),
      ]),
      n.internal ? '--internal' : null,
      n.ipv6 ? '--ipv6' : null,
      n.attachable ? '--attachable' : null,
      ...pairs('-o', n.options),
      ...pairs('--label', n.labels),
    ],
    [n.name],
  );
}

/**
 * `docker network connect`. Aliases and addresses come first, in the order the export and the
 * migration plan have always written them; what only a network edit carries follows.
 */
export function connectCommand(
  network: string,
  container: string,
  at: {
    aliases?: string[];
    ipv4?: string | null;
    ipv6?: string | null;
    /** `container:alias`, as the endpoint's settings hold them. */
    links?: string[];
    driverOpts?: Record<string, string>;
    /** The CLI's --mac-address on connect needs API 1.44+. */
    mac?: string | null;
    /** API 1.48+. */
    gwPriority?: number | null;
  } = {},
): string {
  return command(
    ['docker', 'network', 'connect'],
    [
      ...(at.aliases ?? []).map((a) => flag('--alias', a)),
      flag('--ip', at.ipv4),
      flag('--ip6', at.ipv6),
      ...(at.links ?? []).map((l) => flag('--link', l)),
      ...pairs('--driver-opt', at.driverOpts),
      flag('--mac-address', at.mac),
      at.gwPriority !== undefined && at.gwPriority !== null ? `--gw-priority ${String(at.gwPriority)}` : null,
    ],
    [network, container],
  );
}

export const disconnectCommand = (network: string, container: string): string =>
  command(['docker', 'network', 'disconnect'], [], [network, container]);
