import {
  createBodyOfNetwork,
  DEFAULT_ENGINE_ID,
  type NetworkCreateBody,
  type NetworkEditBody,
  type NetworkEditPlanBody,
  type NetworkEditReport,
  type Snapshot,
} from '@bridgeboard/contract';
import { findNetwork } from '@bridgeboard/topology';
import type { Config } from '../config.js';
import { CliError } from './cli-error.js';
import { ask, serverOf, type Server } from './engine-server.js';

/** `bridgeboard networks edit <network> …`: what the flags change, on top of the network as the server has it. */
export interface NetworkEditFlags {
  url?: string;
  engine?: string;
  name?: string;
  mtu?: string;
  icc?: 'on' | 'off';
  masquerade?: 'on' | 'off';
  hostBinding?: string;
  internal?: 'on' | 'off';
  attachable?: 'on' | 'off';
  ipv6?: 'on' | 'off';
  subnet?: string;
  gateway?: string;
  ipRange?: string;
  label?: string[];
  unlabel?: string[];
  mapAddresses?: boolean;
  apply?: boolean;
  json?: boolean;
}

const on = (v: 'on' | 'off' | undefined): boolean | undefined => (v === undefined ? undefined : v === 'on');

/** The form's body for the network as it is, changed by the flags. */
export function editedBody(current: NetworkCreateBody, f: NetworkEditFlags): NetworkCreateBody {
  const body: NetworkCreateBody = structuredClone(current);
  if (f.name !== undefined) body.name = f.name;
  const options = { ...(body.options ?? {}) };
  if (f.mtu !== undefined) {
    if (!/^\d+$/.test(f.mtu)) throw new CliError(`--mtu: '${f.mtu}' is not a number`);
    options.mtu = Number(f.mtu);
  }
  if (f.icc !== undefined) options.icc = on(f.icc);
  if (f.masquerade !== undefined) options.ipMasquerade = on(f.masquerade);
  if (f.hostBinding !== undefined) options.hostBindingIpv4 = f.hostBinding;
  body.options = options;
  if (f.internal !== undefined) body.internal = on(f.internal);
  if (f.attachable !== undefined) body.attachable = on(f.attachable);
  if (f.ipv6 !== undefined) body.enableIPv6 = on(f.ipv6);
  if (f.subnet !== undefined || f.gateway !== undefined || f.ipRange !== undefined) {
    const [first, ...rest] = body.subnets ?? [];
    const subnet = f.subnet ?? first?.subnet;
    if (!subnet) throw new CliError('--gateway and --ip-range need a subnet: give --subnet');
    // A new subnet does not keep the old one's gateway or range unless they are given again.
    const changed = f.subnet !== undefined && f.subnet !== first?.subnet;
    body.subnets = [
      {
        subnet,
        ...((f.gateway ?? (changed ? undefined : first?.gateway)) ? { gateway: f.gateway ?? first?.gateway } : {}),
        ...((f.ipRange ?? (changed ? undefined : first?.ipRange)) ? { ipRange: f.ipRange ?? first?.ipRange } : {}),
      },
      ...rest,
    ];
  }
  const gone = new Set(f.unlabel ?? []);
  const labels = Object.fromEntries(Object.entries(body.labels ?? {}).filter(([key]) => !gone.has(key)));
  for (const pair of f.label ?? []) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new CliError(`--label: '${pair}' is not key=value`);
    labels[pair.slice(0, at)] = pair.slice(at + 1);
  }
  body.labels = labels;
  return body;
}

function printPlan(plan: NetworkEditPlanBody): void {
  const out = (line = '') => process.stdout.write(`${line}\n`);
  out(`Edit of network '${plan.network}'`);
  for (const c of plan.changes) out(`  ${c.field}: ${c.from ?? '(none)'} → ${c.to ?? '(none)'}`);
  out();
  out(plan.connectivity);
  for (const e of plan.endpoints) {
    const moved = (a: string | null, b: string | null) => (a === b ? (a ?? '-') : `${a ?? '-'} → ${b ?? '(engine chooses)'}`);
    out(`  ${e.container}${e.running ? '' : ' (stopped)'}: ${moved(e.before.ipv4, e.after.ipv4)}, MAC ${moved(e.before.mac, e.after.mac)}`);
    for (const k of e.kept) out(`      ${k.field}: ${k.how}`);
  }
  for (const u of plan.unkept) out(`  ! ${u.container ? `${u.container}: ` : ''}${u.what} (${u.resolution})`);
  for (const w of plan.warnings) out(`  note: ${w}`);
  out();
  plan.commands.forEach((c, i) => out(`${String(i + 1).padStart(3)}. ${c}`));
  for (const r of plan.refusals) out(`refused: ${r.container ? `${r.container}: ` : ''}${r.reason}`);
}

function printReport(report: NetworkEditReport): void {
  const out = (line = '') => process.stdout.write(`${line}\n`);
  for (const s of report.steps)
    out(`${String(s.index + 1).padStart(3)}. [${s.status}] ${s.command} (${s.ms} ms)${s.error ? `: ${s.error}` : ''}`);
  for (const u of report.undo) out(`undo [${u.status}] ${u.command}${u.error ? `: ${u.error}` : ''}`);
  for (const v of report.verification.filter((c) => !c.ok)) out(`differs: ${v.container} ${v.field}: ${v.actual}, not ${v.expected}`);
  for (const o of report.offlineMs) out(`${o.container} was off the network for ${o.ms} ms`);
  out(report.outcome === 'kept' ? `kept: '${report.network}' is re-made as planned` : `${report.outcome}: ${report.reason ?? ''}`);
}

/** Posts an apply; a rolled-back edit's report comes with its error, and is printed before the error. */
async function applyPlan(server: Server, path: string, body: NetworkEditBody): Promise<NetworkEditReport> {
  const res = await fetch(new URL(path, server.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).catch((err: unknown) => {
    throw new CliError(`cannot reach ${server.url}: ${(err as Error).message}`);
  });
  const answer = (await res.json().catch(() => ({}))) as NetworkEditReport & { message?: string; report?: NetworkEditReport };
  if (res.ok) return answer;
  if (answer.report) printReport(answer.report);
  throw new CliError(`${server.url} answered ${res.status}: ${answer.message ?? ''}`);
}

export async function editNetwork(config: Config, ref: string, flags: NetworkEditFlags): Promise<void> {
  const server = serverOf(config, flags);
  const engine = flags.engine ?? DEFAULT_ENGINE_ID;
  const snapshot = await ask<Snapshot>(server, 'GET', `/api/engines/${encodeURIComponent(engine)}/topology`);
  const network = findNetwork(snapshot.topology, ref);
  if (!network) throw new CliError(`no network '${ref}' on engine '${engine}'`);
  const base = `/api/engines/${encodeURIComponent(engine)}/networks/${encodeURIComponent(network.id)}/edit`;
  const body: NetworkEditBody = {
    network: editedBody(createBodyOfNetwork(network), flags),
    addresses: flags.mapAddresses ? 'map' : 'refuse',
  };
  const plan = await ask<NetworkEditPlanBody>(server, 'POST', `${base}/plan`, body);
  if (!flags.apply || plan.refusals.length > 0) {
    if (flags.json) process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
    else printPlan(plan);
    if (plan.refusals.length > 0) throw new CliError('the plan is refused: nothing was changed');
    if (!flags.apply) process.stderr.write('nothing changed: run again with --apply to apply this plan\n');
    return;
  }
  if (!flags.json) printPlan(plan);
  const report = await applyPlan(server, base, { ...body, expectBasis: plan.basis });
  if (flags.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else printReport(report);
}
