import type { Engine } from '../fleet/engine.js';
import type { NetworkEditReport } from '@bridgeboard/contract';
import type { EngineEndpointSettings, NetworkEditPlan, NetworkSpec } from '@bridgeboard/topology';
import { inspectContainer, inspectNetwork } from '../engine/engine-reader.js';
import { isProbeTarget } from '../engine/probe-command.js';
import { probeFrom } from './probes.js';

type Check = NetworkEditReport['verification'][number];

const text = (value: unknown): string =>
  value === undefined || value === null || value === '' ? '(none)' : typeof value === 'string' ? value : JSON.stringify(value);
const sortedList = (list: readonly string[] | null | undefined): string => [...(list ?? [])].sort().join(', ') || '(none)';
const sortedMap = (map: Record<string, string> | null | undefined): string =>
  Object.entries(map ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join(', ') || '(none)';

/** A subnet as `docker network inspect` readers know it: `10.1.2.0/24 gateway 10.1.2.1 range … aux …`. */
const subnetText = (x: { subnet: string; gateway: string | null; ipRange: string | null; aux: Record<string, string> }): string =>
  [
    x.subnet,
    x.gateway && `gateway ${x.gateway}`,
    x.ipRange && `range ${x.ipRange}`,
    Object.keys(x.aux).length > 0 && `aux ${sortedMap(x.aux)}`,
  ]
    .filter(Boolean)
    .join(' ');

/** The engine's network as a spec's fields, to compare with the plan's `after`. */
function networkChecks(name: string, after: NetworkSpec, raw: Awaited<ReturnType<typeof inspectNetwork>>): Check[] {
  const check = (field: string, expected: string, actual: string): Check => ({
    container: name,
    field,
    expected,
    actual,
    ok: expected === actual,
  });
  if (!raw) return [check('network', 'present', 'missing')];
  const ipam = (raw.IPAM?.Config ?? []).map((c) => ({
    subnet: c.Subnet ?? '',
    gateway: c.Gateway ?? null,
    ipRange: c.IPRange ?? null,
    aux: c.AuxiliaryAddresses ?? {},
  }));
  const wanted = after.subnets.map((s) => ({
    subnet: s.subnet,
    gateway: s.gateway ?? null,
    ipRange: s.ipRange ?? null,
    aux: s.auxAddresses ?? {},
  }));
  return [
    check('name', after.name, raw.Name),
    check('driver', after.driver, raw.Driver),
    check('internal', String(after.internal ?? false), String(raw.Internal ?? false)),
    check('attachable', String(after.attachable ?? false), String(raw.Attachable ?? false)),
    check('ipv6', String(after.ipv6 ?? false), String(raw.EnableIPv6 ?? false)),
    check('options', sortedMap(after.options), sortedMap(raw.Options)),
    check('labels', sortedMap(after.labels), sortedMap(raw.Labels)),
    // The gateway is the engine's to choose when not asked for.
    ...wanted.map((w, i) => {
      const got = ipam[i];
      const same = got && got.subnet === w.subnet && (w.gateway === null || got.gateway === w.gateway) && got.ipRange === w.ipRange;
      return {
        ...check(`subnets[${i}]`, subnetText(w), got ? subnetText(got) : 'missing'),
        ok: !!same && sortedMap(w.aux) === sortedMap(got.aux),
      };
    }),
  ];
}

/** One endpoint against the plan: its addresses, MAC, aliases, links and driver options. */
function endpointChecks(endpoint: NetworkEditPlan['endpoints'][number], settings: EngineEndpointSettings | undefined): Check[] {
  const check = (field: string, expected: string, actual: string, ok = expected === actual): Check => ({
    container: endpoint.container,
    field,
    expected,
    actual,
    ok,
  });
  if (!settings) return [check('attached', 'yes', 'no')];
  const out: Check[] = [];
  if (endpoint.running && endpoint.after.ipv4) out.push(check('ipv4', endpoint.after.ipv4, text(settings.IPAddress)));
  if (endpoint.running && endpoint.after.ipv6) out.push(check('ipv6', endpoint.after.ipv6, text(settings.GlobalIPv6Address)));
  if (endpoint.running && endpoint.after.mac) out.push(check('mac', endpoint.after.mac, text(settings.MacAddress)));
  if (!endpoint.running && endpoint.after.ipv4)
    out.push(check('ipv4 (fixed)', endpoint.after.ipv4, text(settings.IPAMConfig?.IPv4Address)));
  // The engine adds names of its own (the short id before API 1.45): every planned alias must be there.
  const wanted = [...endpoint.aliases, ...endpoint.composeAliases];
  const got = settings.Aliases ?? [];
  out.push(
    check(
      'aliases',
      sortedList(wanted),
      sortedList(got),
      wanted.every((a) => got.includes(a)),
    ),
  );
  out.push(check('links', sortedList(endpoint.links), sortedList(settings.Links)));
  const opts = settings.DriverOpts ?? {};
  out.push(
    check(
      'driver options',
      sortedMap(endpoint.driverOpts),
      sortedMap(opts),
      Object.entries(endpoint.driverOpts).every(([k, v]) => opts[k] === v),
    ),
  );
  return out;
}

/**
 * With live probes on: every name of every running endpoint, asked of the network's DNS from a
 * container on it (the probe's ping prints what the name resolved to; whether it answered does not
 * matter here — ICC may be off). A container without the probe's tools cannot tell: said, not failed.
 */
async function nameChecks(engine: Engine, plan: NetworkEditPlan): Promise<Check[]> {
  const running = plan.endpoints.filter((e) => e.running && e.after.ipv4);
  const from = running[0];
  if (!from) return [];
  const expected = new Map<string, { container: string; ipv4: string }>();
  for (const e of running) {
    for (const name of [e.container, ...e.aliases, ...e.composeAliases]) {
      if (isProbeTarget(name) && !expected.has(name)) expected.set(name, { container: e.container, ipv4: e.after.ipv4 ?? '' });
    }
  }
  const run = await probeFrom(engine, { id: from.containerId, name: from.container }, [...expected.keys()]);
  if (!run.ran)
    return [{ container: from.container, field: 'names', expected: 'resolved', actual: `not checked: ${run.reason}`, ok: true }];
  return [...expected].map(([name, want]) => {
    const got = run.seen.get(name)?.address ?? null;
    return { container: want.container, field: `name ${name}`, expected: want.ipv4, actual: got ?? 'not resolved', ok: got === want.ipv4 };
  });
}

/** After the steps: the network as the plan made it, and every endpoint as the plan kept it (and its names, when probes are on). */
export async function verifyEdit(engine: Engine, plan: NetworkEditPlan, newId: string, probes = false): Promise<Check[]> {
  const raw = await inspectNetwork(engine.docker, newId);
  const checks = networkChecks(plan.after.name, plan.after, raw);
  for (const endpoint of plan.endpoints) {
    const networks = (await inspectContainer(engine.docker, endpoint.containerId))?.NetworkSettings?.Networks ?? {};
    const settings = Object.hasOwn(networks, plan.after.name) ? networks[plan.after.name] : undefined;
    checks.push(...endpointChecks(endpoint, settings));
  }
  if (probes) checks.push(...(await nameChecks(engine, plan)));
  return checks;
}
