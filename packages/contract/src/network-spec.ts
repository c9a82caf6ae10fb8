import type { Network, NetworkSpec } from '@bridgeboard/topology';
import { NETWORK_DRIVERS, OPTION_KEYS, type NetworkCreateBody, type NetworkDriver } from './network-create.js';

type OptionName = keyof typeof OPTION_KEYS;
const OPTION_NAMES = Object.keys(OPTION_KEYS) as OptionName[];
const FORM_KEYS = new Set<string>(Object.values(OPTION_KEYS));

/**
 * The network spec (the engine's terms) for a create or edit request. Editing keeps the driver
 * options the form has no field for (`com.docker.network.bridge.inhibit_ipv4`, …) from `current`:
 * a re-made network must not lose what nobody asked to change.
 */
export function specOfCreateBody(body: NetworkCreateBody, current?: Network): NetworkSpec {
  const options: Record<string, string> = {};
  for (const [key, value] of Object.entries(current?.options ?? {})) if (!FORM_KEYS.has(key)) options[key] = value;
  for (const name of OPTION_NAMES) {
    const value = body.options?.[name];
    if (value !== undefined) options[OPTION_KEYS[name]] = String(value);
  }
  return {
    name: body.name,
    driver: body.driver ?? 'bridge',
    subnets: (body.subnets ?? []).map((s) => ({
      subnet: s.subnet,
      ...(s.gateway ? { gateway: s.gateway } : {}),
      ...(s.ipRange ? { ipRange: s.ipRange } : {}),
      ...(s.auxAddresses && Object.keys(s.auxAddresses).length > 0 ? { auxAddresses: s.auxAddresses } : {}),
    })),
    internal: body.internal ?? false,
    ipv6: body.enableIPv6 ?? false,
    attachable: body.attachable ?? false,
    options,
    labels: body.labels ?? {},
    ...(current && current.ipam.driver !== 'default' ? { ipamDriver: current.ipam.driver } : {}),
    ...(current && Object.keys(current.ipam.options).length > 0 ? { ipamOptions: current.ipam.options } : {}),
  };
}

/** An option's value as the form holds it, from the engine's string. */
function formValue(name: OptionName, raw: string): string | number | boolean | undefined {
  if (name === 'mtu') return /^\d+$/.test(raw) ? Number(raw) : undefined;
  if (name === 'icc' || name === 'ipMasquerade') return raw === 'true' ? true : raw === 'false' ? false : undefined;
  return raw === '' ? undefined : raw;
}

const isFormDriver = (d: string): d is NetworkDriver => (NETWORK_DRIVERS as readonly string[]).includes(d);

/** The New-network form's body for a network as it is: what the edit form starts from. */
export function createBodyOfNetwork(n: Network): NetworkCreateBody {
  const options: Record<string, string | number | boolean> = {};
  for (const name of OPTION_NAMES) {
    const raw = Object.hasOwn(n.options, OPTION_KEYS[name]) ? n.options[OPTION_KEYS[name]] : undefined;
    const value = raw === undefined ? undefined : formValue(name, raw);
    if (value !== undefined) options[name] = value;
  }
  return {
    name: n.name,
    ...(isFormDriver(n.driver) ? { driver: n.driver } : {}),
    internal: n.internal,
    attachable: n.attachable,
    enableIPv6: n.enableIPv6,
    labels: { ...n.labels },
    subnets: n.ipam.config.map((c) => ({
      subnet: c.subnet,
      ...(c.gateway ? { gateway: c.gateway } : {}),
      ...(c.ipRange ? { ipRange: c.ipRange } : {}),
      ...(Object.keys(c.auxAddresses).length > 0 ? { auxAddresses: { ...c.auxAddresses } } : {}),
    })),
    ...(Object.keys(options).length > 0 ? { options: options } : {}),
  };
}
