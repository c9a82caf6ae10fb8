import { connectCommand, createCommand, disconnectCommand } from './network-commands.js';
import { isDefaultBridge } from './from-engine.js';
import { findContainer, findEndpoint, findNetwork } from './lookup.js';
import { linkAliases } from './link-aliases.js';
import { undoWarnings } from './migration-undo.js';
import { firstHost, freeSubnet, networkAddress, subnetsOverlap, takenSubnets } from './subnets.js';
import type { Container, Network, Topology } from './types.js';

/**
 * Getting containers off the default bridge and `--link` onto a user-defined network (article 1.2,
 * 1.3), or off one user-defined network onto a new one.
 */

export type MigrationStep =
  | { kind: 'create-network'; name: string; subnet: string; gateway: string }
  | { kind: 'connect'; network: string; container: string; aliases: string[] }
  | { kind: 'disconnect'; network: string; container: string };

export interface MigrationPlan {
  network: { name: string; subnet: string; gateway: string } | null;
  /** The containers moved, by name, in the order given. */
  containers: string[];
  steps: MigrationStep[];
  /** The exact `docker network …` command of each step, in order. */
  commands: string[];
  warnings: string[];
  /**
   * Why the plan cannot be made (unknown name, not on the network left, host/none/container mode,
   * a taken name, a bad or overlapping subnet). Refusals are returned, not thrown, so the board can
   * show them next to the selection as it changes; whenever there is one, `steps` and `commands`
   * are empty, so a refused plan can never be applied.
   */
  refusals: { container: string | null; reason: string }[];
}

export interface MigrationOptions {
  /** The network the containers leave (name or id); the default bridge when not given. */
  from?: string;
  networkName?: string;
  subnet?: string;
  /** Disconnect from the network left (`from`, or the default bridge) once every container is on the new one. */
  disconnectFromDefault?: boolean;
}

/** Docker's own rule for object names (daemon/names). */
const VALID_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

function refusalFor(t: Topology, c: Container, source: Network | undefined): string | null {
  const mode = c.networkMode.kind;
  if (mode === 'host' || mode === 'none') return `'${c.name}' runs in ${mode} mode and cannot join a network; re-create it on a bridge`;
  if (mode === 'container')
    return `'${c.name}' shares another container's network stack (container: mode) and cannot join a network itself`;
  if (source && findEndpoint(t, source.id, c.id)) return null;
  return source && !isDefaultBridge(source) ? `'${c.name}' is not on network '${source.name}'` : `'${c.name}' is not on the default bridge`;
}

/** The network left: the one asked for, else the default bridge. */
function sourceNetwork(t: Topology, from: string | undefined, refusals: MigrationPlan['refusals']): Network | undefined {
  if (from === undefined) return Object.values(t.networks).find(isDefaultBridge);
  const found = findNetwork(t, from);
  if (!found) refusals.push({ container: null, reason: `No network named '${from}'` });
  return found;
}

function networkName(t: Topology, chosen: Container[], asked: string | undefined): string {
  if (asked !== undefined) return asked;
  const projects = new Set(chosen.map((c) => c.composeProject));
  const [project] = projects;
  const base = `${projects.size === 1 && project ? project : (chosen[0]?.name ?? 'migrated')}-net`;
  const taken = new Set(Object.values(t.networks).map((n) => n.name));
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
  return name;
}

export function planMigration(t: Topology, containerNames: readonly string[], opts: MigrationOptions = {}): MigrationPlan {
  const refusals: MigrationPlan['refusals'] = [];
  const warnings: string[] = [];
  const source = sourceNetwork(t, opts.from, refusals);
  const chosen: Container[] = [];
  if (containerNames.length === 0) refusals.push({ container: null, reason: 'No containers chosen' });
  for (const ref of new Set(containerNames)) {
    const c = findContainer(t, ref);
    if (!c) {
      refusals.push({ container: ref, reason: `No container named '${ref}'` });
      continue;
    }
    // An unknown `from` is refused once, not once more for each container.
    const reason = opts.from !== undefined && !source ? null : refusalFor(t, c, source);
    if (reason) refusals.push({ container: c.name, reason });
    else if (!chosen.includes(c)) chosen.push(c);
  }

  const name = networkName(t, chosen, opts.networkName);
  if (!VALID_NAME.test(name)) refusals.push({ container: null, reason: `'${name}' is not a valid network name` });
  else if (Object.values(t.networks).some((n: Network) => n.name === name))
    refusals.push({ container: null, reason: `A network named '${name}' already exists` });
  const picked = opts.subnet !== undefined ? askedSubnet(t, opts.subnet, refusals) : freeSubnet(takenSubnets(t));
  if (!picked && opts.subnet === undefined)
    refusals.push({ container: null, reason: 'No free /24 is left in 10.200.0.0/16 or 172.28.0.0/14' });

  const containers = chosen.map((c) => c.name);
  if (refusals.length > 0 || !picked || !source) return { network: null, containers, steps: [], commands: [], warnings, refusals };

  // --link works only on the default bridge: off a user-defined network, the aliases there go along instead.
  const fromBridge = isDefaultBridge(source);
  const aliases = fromBridge
    ? linkAliases(chosen, Object.values(t.containers), warnings)
    : new Map(chosen.map((c) => [c.name, findEndpoint(t, source.id, c.id)?.aliases ?? []]));
  if (fromBridge && chosen.some((c) => c.links.length > 0)) {
    warnings.push(
      "--link also passed the linked containers' environment variables (DB_PORT_…); a user-defined network does not, so check nothing reads them (article 1.5).",
    );
  }
  if (opts.disconnectFromDefault && fromBridge && chosen.some((c) => c.links.length > 0)) {
    // Checked on Docker 20.10: the link's line stays in /etc/hosts, which wins over the network's DNS.
    warnings.push(
      "Leaving the default bridge breaks --link names until the containers are re-created without --link: the link's entry in /etc/hosts keeps the old default-bridge address and is read before the network's DNS.",
    );
  }
  const steps: MigrationStep[] = [
    { kind: 'create-network', name, ...picked },
    ...chosen.map((c): MigrationStep => ({ kind: 'connect', network: name, container: c.name, aliases: aliases.get(c.name) ?? [] })),
    ...(opts.disconnectFromDefault
      ? chosen.map((c): MigrationStep => ({ kind: 'disconnect', network: source.name, container: c.name }))
      : []),
  ];
  if (opts.disconnectFromDefault) warnings.push(...undoWarnings(t, source, chosen));
  return { network: { name, ...picked }, containers, steps, commands: steps.map(stepCommand), warnings, refusals };
}

function askedSubnet(t: Topology, subnet: string, refusals: MigrationPlan['refusals']): { subnet: string; gateway: string } | null {
  const gateway = firstHost(subnet);
  const normal = networkAddress(subnet);
  if (!gateway || !normal) {
    refusals.push({ container: null, reason: `'${subnet}' is not an IPv4 subnet with room for a gateway (/30 or wider)` });
    return null;
  }
  const clash = Object.values(t.networks).find((n) => n.ipam.config.some((c) => subnetsOverlap(c.subnet, subnet)));
  if (clash) refusals.push({ container: null, reason: `${subnet} overlaps the subnet of network '${clash.name}'` });
  // Normalised to the network address: the engine refuses `10.0.0.5/24`.
  return { subnet: normal, gateway };
}

export function stepCommand(step: MigrationStep): string {
  switch (step.kind) {
    case 'create-network':
      return createCommand({ name: step.name, driver: 'bridge', subnets: [{ subnet: step.subnet, gateway: step.gateway }] });
    case 'connect':
      return connectCommand(step.network, step.container, { aliases: step.aliases });
    case 'disconnect':
      return disconnectCommand(step.network, step.container);
  }
}
