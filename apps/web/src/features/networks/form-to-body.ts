import type { NetworkCreateBody } from '@bridgeboard/contract';
import type { FieldKey, NetworkForm } from './network-form';

type Subnet = NonNullable<NetworkCreateBody['subnets']>[number];
type Options = NonNullable<NetworkCreateBody['options']>;

/** Something the form cannot even put into a body: a line without `=`, a gateway without a subnet. */
export interface FormProblem {
  key: FieldKey;
  message: string;
}

export interface FormBody {
  /** Only what the user set: anything left alone is omitted, so the engine's default applies. */
  body: NetworkCreateBody;
  /** Which part of the form each `subnets[i]` came from. */
  subnetGroups: ('v4' | 'v6')[];
  problems: FormProblem[];
}

/** `key=value` lines (blank lines skipped) → a record, or undefined when there are none. */
function parseLines(text: string, key: FieldKey, shape: string, problems: FormProblem[]): Record<string, string> | undefined {
  const entries = new Map<string, string>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const eq = line.indexOf('=');
    const name = line.slice(0, Math.max(eq, 0)).trim();
    if (!name) problems.push({ key, message: `line ${i + 1}: write ${shape}` });
    else if (entries.has(name)) problems.push({ key, message: `line ${i + 1}: '${name}' is set twice` });
    else entries.set(name, line.slice(eq + 1).trim());
  });
  return entries.size > 0 ? Object.fromEntries(entries) : undefined;
}

const NEEDS_SUBNET = 'needs a subnet: set the subnet first';

/** One subnet of the IPAM config; the extras only make sense with a subnet to lie in. */
function addSubnet(
  out: FormBody,
  group: 'v4' | 'v6',
  subnet: string,
  extras: { key: FieldKey; prop: 'gateway' | 'ipRange'; value: string }[],
  aux?: { key: FieldKey; value: Record<string, string> | undefined },
) {
  const set = extras.filter((e) => e.value !== '');
  if (!subnet) {
    for (const e of set) out.problems.push({ key: e.key, message: NEEDS_SUBNET });
    if (aux?.value) out.problems.push({ key: aux.key, message: NEEDS_SUBNET });
    return;
  }
  const entry: Subnet = { subnet };
  for (const e of set) entry[e.prop] = e.value;
  if (aux?.value) entry.auxAddresses = aux.value;
  (out.body.subnets ??= []).push(entry);
  out.subnetGroups.push(group);
}

/** The driver's options; ICC and masquerade are sent only when switched off (the engine's default is on). */
function driverOptions(f: NetworkForm, problems: FormProblem[]): Options {
  const options: Options = {};
  if (f.driver === 'bridge') {
    const mtu = f.mtu.trim();
    if (mtu) {
      const n = Number(mtu);
      if (Number.isFinite(n)) options.mtu = n;
      else problems.push({ key: 'mtu', message: `'${mtu}' is not a number` });
    }
    if (f.bridgeName.trim()) options.bridgeName = f.bridgeName.trim();
    if (!f.icc) options.icc = false;
    if (!f.ipMasquerade) options.ipMasquerade = false;
    if (f.hostBindingIpv4.trim()) options.hostBindingIpv4 = f.hostBindingIpv4.trim();
    return options;
  }
  if (f.parent.trim()) options.parent = f.parent.trim();
  if (f.driver === 'macvlan' && f.macvlanMode) options.macvlanMode = f.macvlanMode;
  if (f.driver === 'ipvlan' && f.ipvlanMode) options.ipvlanMode = f.ipvlanMode;
  if (f.driver === 'ipvlan' && f.ipvlanFlag) options.ipvlanFlag = f.ipvlanFlag;
  return options;
}

/** The request body for the form as it stands, with what could not go into it. */
export function formToBody(f: NetworkForm): FormBody {
  const out: FormBody = { body: { name: f.name.trim() }, subnetGroups: [], problems: [] };
  const { body, problems } = out;
  if (f.driver !== 'bridge') body.driver = f.driver;
  if (f.internal) body.internal = true;
  if (f.attachable) body.attachable = true;
  if (f.enableIPv6) body.enableIPv6 = true;
  const labels = parseLines(f.labels, 'labels', 'key=value', problems);
  if (labels) body.labels = labels;

  const aux = parseLines(f.auxAddresses, 'auxAddresses', 'host=address', problems);
  addSubnet(
    out,
    'v4',
    f.subnet.trim(),
    [
      { key: 'gateway', prop: 'gateway', value: f.gateway.trim() },
      { key: 'ipRange', prop: 'ipRange', value: f.ipRange.trim() },
    ],
    { key: 'auxAddresses', value: aux },
  );
  if (f.enableIPv6) {
    addSubnet(out, 'v6', f.subnet6.trim(), [{ key: 'gateway6', prop: 'gateway', value: f.gateway6.trim() }]);
  }

  const options = driverOptions(f, problems);
  if (Object.keys(options).length > 0) body.options = options;
  return out;
}
