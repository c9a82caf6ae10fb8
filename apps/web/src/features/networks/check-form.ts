import { checkNetworkCreate } from '@bridgeboard/contract';
import { formToBody } from './form-to-body';
import { EMPTY_FORM, type FieldKey, type FormErrors, type NetworkForm } from './network-form';

const SUBNET_FIELDS = {
  v4: { subnet: 'subnet', gateway: 'gateway', ipRange: 'ipRange', auxAddresses: 'auxAddresses' },
  v6: { subnet: 'subnet6', gateway: 'gateway6', ipRange: 'subnet6', auxAddresses: 'subnet6' },
} as const satisfies Record<'v4' | 'v6', Record<string, FieldKey>>;

const PLAIN_KEYS: readonly FieldKey[] = ['name', 'driver', 'internal', 'attachable', 'enableIPv6', 'labels'];

/** `subnets[1].gateway` → the form field it came from. */
function fieldKey(path: string, subnetGroups: readonly ('v4' | 'v6')[]): FieldKey {
  const subnet = /^subnets\[(\d+)\](?:\.(subnet|gateway|ipRange|auxAddresses))?/.exec(path);
  if (subnet) {
    const group = subnetGroups[Number(subnet[1])];
    const prop = (subnet[2] ?? 'subnet') as keyof (typeof SUBNET_FIELDS)['v4'];
    return group ? SUBNET_FIELDS[group][prop] : 'form';
  }
  const option = /^options\.(\w+)/.exec(path)?.[1];
  if (option && option in EMPTY_FORM) return option as FieldKey;
  const top = path.split(/[.[]/)[0] as FieldKey;
  return PLAIN_KEYS.includes(top) ? top : 'form';
}

const IFNAME = 'an interface name: up to 15 letters, digits, _ . or -, not starting with a symbol';

/** The schema's wording (`must match pattern "^…$"`) in the user's terms; the rule stays the server's. */
function friendly(key: FieldKey, message: string, form: NetworkForm): string {
  if (key === 'name' && form.name.trim() === '') return 'a network needs a name';
  if (key === 'name' && message.startsWith('must match pattern')) {
    return 'use letters, digits, _ . or -, starting with a letter or digit';
  }
  if ((key === 'bridgeName' || key === 'parent') && message.startsWith('must match pattern')) return `must be ${IFNAME}`;
  if (key === 'hostBindingIpv4' && message.startsWith('must match format'))
    return `'${form.hostBindingIpv4.trim()}' is not an IPv4 address`;
  if (key === 'mtu' && /^must be (integer|[<>]=)/.test(message)) return 'MTU must be a whole number from 68 to 65535';
  return message;
}

function add(errors: FormErrors, key: FieldKey, message: string) {
  const existing = errors[key];
  if (existing === undefined) errors[key] = message;
  else if (!existing.split('; ').includes(message)) errors[key] = `${existing}; ${message}`;
}

/** The form with the given fields back at their defaults (a name must stay, so it gets a valid one). */
function without(form: NetworkForm, keys: Set<FieldKey>): NetworkForm {
  const next: NetworkForm = { ...form };
  for (const key of keys) {
    if (key === 'form') continue;
    if (key === 'name') next.name = 'n';
    else Object.assign(next, { [key]: EMPTY_FORM[key] });
  }
  return next;
}

/**
 * Every problem with the form, by field: the form's own (a malformed line) plus `checkNetworkCreate`,
 * the server's exact rules. Those stop at schema errors before the address rules run, so after each
 * round the offending fields are set aside and the rest checked again: a gateway outside its subnet
 * shows even while the name is still empty.
 */
export function checkForm(form: NetworkForm): FormErrors {
  const errors: FormErrors = {};
  for (const p of formToBody(form).problems) add(errors, p.key, p.message);
  let current = form;
  for (let round = 0; round < 5; round++) {
    const { body, subnetGroups } = formToBody(current);
    const found = checkNetworkCreate(body);
    if (found.length === 0) break;
    const keys = new Set<FieldKey>();
    for (const e of found) {
      const key = fieldKey(e.field, subnetGroups);
      add(errors, key, friendly(key, e.message, form));
      keys.add(key);
    }
    if (keys.has('form')) break;
    current = without(current, keys);
  }
  return errors;
}
