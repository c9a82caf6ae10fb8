import type { EngineEndpointSettings } from '../engine-types.js';
import type { Container, Endpoint } from '../types.js';
import { keepAddress } from './address-keep.js';
import type { EditContext, Refusal, Unkept } from './edit-context.js';
import type { EditEndpoint, EditStep } from './edit-types.js';
import { keepMac } from './mac-keep.js';

/**
 * One endpoint through the edit: what it has (the topology's live view and the settings from the
 * container's inspect, where links, driver options and fixed addresses live), what the connect
 * asks for to give it back, and what cannot be kept.
 */

type ConnectStep = Extract<EditStep, { kind: 'connect' }>;

export interface KeptEndpoint {
  endpoint: EditEndpoint;
  connect: Omit<ConnectStep, 'kind' | 'network' | 'container' | 'containerId'>;
  unkept: Unkept[];
  refusals: Refusal[];
}

const COMPOSE_LABEL = 'com.docker.compose.';

/**
 * An endpoint's aliases without those the engine adds by itself on every connect: the container's
 * short id (which API < 1.45 lists among them) and its name, unless `keep` holds that name (compose
 * gives it explicitly). What a reconnect must ask for again, in the order the engine lists them.
 */
export function ownAliases(
  c: { id: string; name: string },
  aliases: readonly string[] | null | undefined,
  keep: ReadonlySet<string> = new Set(),
): string[] {
  const shortId = c.id.slice(0, 12);
  return [...new Set(aliases ?? [])].filter((a) => a !== '' && a !== shortId && (a !== c.name || keep.has(a)));
}

/**
 * The aliases to give again, in the order the engine lists them. The engine adds the short id and
 * the container's name by itself (API < 1.45 lists the short id among the aliases), so those are
 * not asked for, except the name when compose gave it: compose passes its service name and the
 * container's name as aliases, and a plain reconnect drops them (issue 14: DNS broke while
 * `docker ps` looked fine).
 */
export function splitAliases(c: Container, s: EngineEndpointSettings): { all: string[]; aliases: string[]; composeAliases: string[] } {
  const compose = Object.keys(c.labels).some((k) => k.startsWith(COMPOSE_LABEL));
  const service = c.labels[`${COMPOSE_LABEL}service`];
  const implicit = new Set(compose ? [service, c.name].filter((a): a is string => Boolean(a)) : []);
  const all = ownAliases(c, s.Aliases, implicit);
  return { all, aliases: all.filter((a) => !implicit.has(a)), composeAliases: all.filter((a) => implicit.has(a)) };
}

export function keepEndpoint(ctx: EditContext, c: Container, e: Endpoint, s: EngineEndpointSettings, running: boolean): KeptEndpoint {
  const before = running
    ? { ipv4: e.ipv4 ?? (s.IPAddress || null), ipv6: e.ipv6 ?? (s.GlobalIPv6Address || null), mac: e.mac ?? (s.MacAddress || null) }
    : { ipv4: null, ipv6: null, mac: null };
  const fixed = { ipv4: s.IPAMConfig?.IPv4Address || null, ipv6: s.IPAMConfig?.IPv6Address || null };
  // A stopped container has no live address: only what it was fixed to comes back.
  const v4 = keepAddress(ctx, c.name, 'ipv4', running ? before.ipv4 : fixed.ipv4, fixed.ipv4 !== null);
  const v6 = keepAddress(ctx, c.name, 'ipv6', running ? before.ipv6 : fixed.ipv6, fixed.ipv6 !== null);
  // A refused address is not a moved one: its MAC is judged as if it stayed, so only its own refusals show.
  const mac = keepMac(ctx, c, before.mac, { before: before.ipv4, after: v4.refusal ? before.ipv4 : v4.after });

  const { all, aliases, composeAliases } = splitAliases(c, s);
  const links = [...(s.Links ?? [])];
  const driverOpts = { ...(s.DriverOpts ?? {}) };
  const gwPriority = s.GwPriority ?? null;
  const refusals = [v4.refusal, v6.refusal, mac.refusal].filter((r): r is Refusal => r !== null);
  const unkept = [v4.unkept, v6.unkept, mac.unkept].filter((u): u is Unkept => u !== null);

  const kept: EditEndpoint['kept'] = [];
  if (v4.kept) kept.push({ field: 'ipv4', how: v4.kept });
  if (v6.kept) kept.push({ field: 'ipv6', how: v6.kept });
  if (mac.kept) kept.push({ field: 'mac', how: mac.kept });
  if (aliases.length > 0) kept.push({ field: 'aliases', how: `given again with --alias: ${aliases.join(', ')}` });
  if (composeAliases.length > 0) {
    kept.push({
      field: 'aliases',
      how: `compose's implicit aliases ${composeAliases.join(', ')} given back explicitly with --alias (a plain reconnect drops them)`,
    });
  }
  if (links.length > 0) kept.push({ field: 'links', how: `given again with --link: ${links.join(', ')}` });
  if (Object.keys(driverOpts).length > 0) kept.push({ field: 'driver-opts', how: 'given again with --driver-opt' });
  if (gwPriority !== null && gwPriority !== 0) {
    if (ctx.canSetGwPriority) kept.push({ field: 'gw-priority', how: 'asked for with --gw-priority' });
    else {
      unkept.push({ container: c.name, what: `gateway priority ${gwPriority}`, resolution: 'refused' });
      refusals.push({
        container: c.name,
        field: 'gw-priority',
        reason: `'${c.name}' has the gateway priority ${gwPriority} on '${ctx.network.name}', and this engine (API <1.48) cannot set --gw-priority on connect`,
      });
    }
  }

  return {
    endpoint: {
      container: c.name,
      containerId: c.id,
      running,
      before,
      after: { ipv4: v4.after, ipv6: v6.after, mac: mac.after },
      kept,
      aliases,
      composeAliases,
      links,
      driverOpts,
      gwPriority,
      offline: null,
    },
    connect: {
      ipv4: v4.after,
      ipv6: v6.after,
      aliases: all,
      links,
      mac: mac.send,
      driverOpts,
      gwPriority: ctx.canSetGwPriority && gwPriority !== null && gwPriority !== 0 ? gwPriority : null,
    },
    unkept,
    refusals,
  };
}
