import { own, type AddressPolicy, type EditEndpoint, type NetworkEditPlan } from '@bridgeboard/topology';
import { optionLabel } from '../networks/option-label';

/** One value of an endpoint before and after: the same, changed, left to the engine, or refused. */
export interface Cell {
  before: string | null;
  after: string | null;
  changes: boolean;
  /** The plan refuses what this value would become (its reason is among the refusals). */
  refused: boolean;
}

export interface EndpointRow {
  container: string;
  running: boolean;
  ipv4: Cell;
  /** Null when the endpoint has no IPv6 address before or after. */
  ipv6: Cell | null;
  mac: Cell;
  /** Every alias the endpoint keeps; `compose` marks those compose gave it, which a plain reconnect drops. */
  aliases: { name: string; compose: boolean }[];
  links: string[];
  /** How each kept thing is kept, in the plan's words. */
  kept: { field: string; how: string }[];
  /** When the container is off the network, by the steps as numbered on screen; null for a stopped one. */
  offline: string | null;
}

const cell = (before: string | null, after: string | null, refused: boolean): Cell => ({
  before,
  after,
  changes: refused || before !== after,
  refused,
});

/** A cell as read: `10.0.0.5`, or `10.0.0.5 → 10.1.0.5`; an address left to the engine, or refused, is said so. */
export function cellText(c: Cell): string {
  if (!c.changes) return c.before ?? '—';
  return `${c.before ?? '—'} → ${c.refused ? 'refused' : (c.after ?? 'engine picks')}`;
}

function offlineText(e: EditEndpoint): string | null {
  if (!e.offline) return null;
  const from = e.offline.from + 1;
  const to = e.offline.to + 1;
  return from === to ? `step ${from}` : `steps ${from}–${to}`;
}

/** The plan's endpoints as the table shows them, by container name. */
export function endpointRows(plan: NetworkEditPlan): EndpointRow[] {
  const refused = (container: string, field: 'ipv4' | 'ipv6' | 'mac'): boolean =>
    plan.refusals.some((r) => r.container === container && r.field === field);
  return plan.endpoints
    .map((e) => ({
      container: e.container,
      running: e.running,
      ipv4: cell(e.before.ipv4, e.after.ipv4, refused(e.container, 'ipv4')),
      ipv6: e.before.ipv6 === null && e.after.ipv6 === null ? null : cell(e.before.ipv6, e.after.ipv6, refused(e.container, 'ipv6')),
      mac: cell(e.before.mac, e.after.mac, refused(e.container, 'mac')),
      aliases: [...e.aliases.map((name) => ({ name, compose: false })), ...e.composeAliases.map((name) => ({ name, compose: true }))],
      links: e.links,
      kept: e.kept.map((k) => ({ field: k.field, how: k.how })),
      offline: offlineText(e),
    }))
    .sort((a, b) => a.container.localeCompare(b.container));
}

export interface ChangeRow {
  /** The field in the user's terms (`MTU`, `label team`, `subnet`). */
  label: string;
  /** The plan's own name of it (`options.com.docker.network.driver.mtu`). */
  field: string;
  from: string;
  to: string;
}

const SUBNET_PART: Record<string, string> = { subnet: 'subnet', gateway: 'gateway', ipRange: 'IP range', auxAddresses: 'aux address' };

/** `options.com.docker.network.driver.mtu` → `MTU`; `subnets[1].gateway` → `gateway (subnet 2)`; `labels.team` → `label team`. */
export function changeLabel(field: string): string {
  if (field.startsWith('options.')) return optionLabel(field.slice('options.'.length));
  if (field.startsWith('labels.')) return `label ${field.slice('labels.'.length)}`;
  const subnet = /^subnets\[(\d+)\](?:\.(\w+))?(.*)$/.exec(field);
  if (subnet) {
    const part = own(SUBNET_PART, subnet[2] ?? 'subnet') ?? subnet[2] ?? 'subnet';
    const n = Number(subnet[1]);
    return `${part}${subnet[3] ?? ''}${n > 0 ? ` (subnet ${n + 1})` : ''}`;
  }
  return field === 'ipv6' ? 'IPv6' : field;
}

export const changeRows = (plan: NetworkEditPlan): ChangeRow[] =>
  plan.changes.map((c) => ({ label: changeLabel(c.field), field: c.field, from: c.from ?? 'not set', to: c.to ?? 'not set' }));

/**
 * Whether to offer the choice between moving addresses into the new subnet and refusing: when an
 * address falls outside it (refused, or already mapped because the user chose so).
 */
export function offersAddressChoice(plan: NetworkEditPlan, addresses: AddressPolicy): boolean {
  if (addresses === 'map') return true;
  return plan.unkept.some((u) => u.resolution === 'mapped') || plan.refusals.some(isAddressRefusal);
}

/** A refusal of a container's address outside the new subnets: the only kind the address policy can answer. */
export const isAddressRefusal = (r: NetworkEditPlan['refusals'][number]): boolean =>
  r.container !== null && (r.field === 'ipv4' || r.field === 'ipv6') && /\boutside\b/.test(r.reason);
