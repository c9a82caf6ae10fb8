import { Document } from 'yaml';
import { isDefaultBridge } from './from-engine.js';
import { endpointsOfContainer, endpointsOfNetwork, findContainer, findNetwork, own } from './lookup.js';
import { connectCommand, createCommand, type NetworkSpec } from './network-commands.js';
import { isStackMode } from './rules.js';
import type { Container, Endpoint, Network, Topology } from './types.js';

/**
 * What to export. Nothing selected = every user-defined network and all its attachments.
 * Otherwise the union of: each selected network with all its attachments, and each selected
 * container with its attachments to user-defined networks (and those networks). System networks
 * are never created and attachments to the default bridge are not exported (a container is on it
 * by `docker run`, not by `connect`). Unknown names throw: the caller passed something stale.
 */
export interface ExportSelection {
  networks?: string[];
  containers?: string[];
}

const isUserDefined = (n: Network): boolean => !n.system && !isDefaultBridge(n) && !isStackMode(n);
const byName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name);

interface Selected {
  networks: Network[];
  attachments: { network: Network; container: Container; endpoint: Endpoint }[];
}

function select(t: Topology, sel: ExportSelection = {}): Selected {
  const everything = sel.networks === undefined && sel.containers === undefined;
  const nets = everything
    ? Object.values(t.networks)
    : (sel.networks ?? []).map((ref) => findNetwork(t, ref) ?? fail(`No network named '${ref}'`));
  const ctrs = (sel.containers ?? []).map((ref) => findContainer(t, ref) ?? fail(`No container named '${ref}'`));
  const endpoints = new Set([...nets.flatMap((n) => endpointsOfNetwork(t, n.id)), ...ctrs.flatMap((c) => endpointsOfContainer(t, c.id))]);
  const networks = new Map(nets.filter(isUserDefined).map((n) => [n.id, n]));
  const attachments: Selected['attachments'] = [];
  for (const endpoint of endpoints) {
    const network = own(t.networks, endpoint.networkId);
    const container = own(t.containers, endpoint.containerId);
    if (!network || !container || !isUserDefined(network)) continue;
    networks.set(network.id, network);
    attachments.push({ network, container, endpoint });
  }
  attachments.sort((a, b) => byName(a.network, b.network) || byName(a.container, b.container));
  return { networks: [...networks.values()].sort(byName), attachments };
}

function fail(message: string): never {
  throw new Error(message);
}

export function networkSpec(n: Network): NetworkSpec {
  return {
    name: n.name,
    driver: n.driver,
    subnets: n.ipam.config,
    internal: n.internal,
    ipv6: n.enableIPv6,
    attachable: n.attachable,
    options: n.options,
    labels: n.labels,
    ipamDriver: n.ipam.driver,
    ipamOptions: n.ipam.options,
  };
}

/**
 * The commands that rebuild the selection: `docker network create` for each network, then
 * `docker network connect` for each attachment, with its aliases and the static addresses asked
 * for at connect time (not the ones the engine handed out). One command a line.
 */
export function exportCommands(t: Topology, selection?: ExportSelection): string {
  const { networks, attachments } = select(t, selection);
  const lines = [
    ...networks.map((n) => createCommand(networkSpec(n))),
    ...attachments.map(({ network, container, endpoint: e }) =>
      connectCommand(network.name, container.name, { aliases: e.aliases, ipv4: e.ipamConfig.ipv4, ipv6: e.ipamConfig.ipv6 }),
    ),
  ];
  return lines.map((l) => `${l}\n`).join('');
}

const COMPOSE_LABEL = /^com\.docker\.compose\./;
const HEADER = `Bridgeboard export.
networks: the user-defined networks; name: keeps each engine name, so compose does not prefix
the project. Compose's own com.docker.compose.* labels are left out: compose writes them itself.
services: a fragment to merge into your services, saying which networks each one joins, with
its aliases and static addresses; keyed by compose service where the container has one, else
by container name. Images and everything else about the services are not part of this export.`;

const nonEmpty = <T extends object>(o: T): T | undefined => (Object.keys(o).length > 0 ? o : undefined);

function composeNetwork(n: Network): Record<string, unknown> {
  const labels = Object.fromEntries(Object.entries(n.labels).filter(([k]) => !COMPOSE_LABEL.test(k)));
  const config = n.ipam.config.map((c) => ({
    subnet: c.subnet,
    gateway: c.gateway ?? undefined,
    ip_range: c.ipRange ?? undefined,
    aux_addresses: nonEmpty(c.auxAddresses),
  }));
  const ipam = {
    driver: n.ipam.driver === 'default' ? undefined : n.ipam.driver,
    config: config.length ? config : undefined,
    options: nonEmpty(n.ipam.options),
  };
  return {
    name: n.name,
    driver: n.driver,
    driver_opts: nonEmpty(n.options),
    internal: n.internal || undefined,
    enable_ipv6: n.enableIPv6 || undefined,
    attachable: n.attachable || undefined,
    labels: nonEmpty(labels),
    ipam: Object.values(ipam).some((v) => v !== undefined) ? ipam : undefined,
  };
}

/** The selection as a compose file's top-level `networks:` plus a `services:` membership fragment. */
export function exportCompose(t: Topology, selection?: ExportSelection): string {
  const { networks, attachments } = select(t, selection);
  // Maps, not objects: a compose service label is free text, and `constructor` or `__proto__`
  // would already "exist" in a plain object.
  const services = new Map<string, Map<string, Record<string, unknown> | null>>();
  for (const { network, container, endpoint: e } of attachments) {
    const key = container.labels['com.docker.compose.service'] ?? container.name;
    const member = {
      aliases: e.aliases.length ? e.aliases : undefined,
      ipv4_address: e.ipamConfig.ipv4 ?? undefined,
      ipv6_address: e.ipamConfig.ipv6 ?? undefined,
    };
    const joined = services.get(key) ?? new Map<string, Record<string, unknown> | null>();
    services.set(key, joined.set(network.name, Object.values(member).some((v) => v !== undefined) ? member : null));
  }
  const byService = [...services]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, joined]) => [key, { networks: Object.fromEntries(joined) }] as const);
  const doc = new Document({
    networks: Object.fromEntries(networks.map((n) => [n.name, composeNetwork(n)])),
    ...(byService.length ? { services: Object.fromEntries(byService) } : {}),
  });
  doc.commentBefore = HEADER.split('\n')
    .map((l) => ` ${l}`)
    .join('\n');
  return doc.toString({ nullStr: '' });
}
