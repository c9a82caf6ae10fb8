import type { NetworkSpec } from '../network-commands.js';
import type { EditChange } from './edit-types.js';

/**
 * Every field of the spec that differs, named as the plan shows it (`internal`,
 * `subnets[0].gateway`, `options.com.docker.network.driver.mtu`, `labels.team`). An absent
 * boolean is false and an absent IPAM driver is `default`, as the engine takes them; any other
 * absent value is null. The order is fixed: the network's own fields, its subnets, then each map
 * by key.
 */
export function editChanges(before: NetworkSpec, after: NetworkSpec): EditChange[] {
  const changes: EditChange[] = [];
  const add = (field: string, from: string | null, to: string | null): void => {
    if (from !== to) changes.push({ field, from, to });
  };
  add('name', before.name, after.name);
  add('driver', before.driver, after.driver);
  for (const key of ['internal', 'ipv6', 'attachable'] as const) add(key, String(before[key] ?? false), String(after[key] ?? false));
  add('ipamDriver', before.ipamDriver ?? 'default', after.ipamDriver ?? 'default');
  for (let i = 0; i < Math.max(before.subnets.length, after.subnets.length); i++) {
    const b = before.subnets[i];
    const a = after.subnets[i];
    add(`subnets[${i}].subnet`, b?.subnet ?? null, a?.subnet ?? null);
    add(`subnets[${i}].gateway`, b?.gateway ?? null, a?.gateway ?? null);
    add(`subnets[${i}].ipRange`, b?.ipRange ?? null, a?.ipRange ?? null);
    mapChanges(`subnets[${i}].auxAddresses`, b?.auxAddresses, a?.auxAddresses, add);
  }
  mapChanges('ipamOptions', before.ipamOptions, after.ipamOptions, add);
  mapChanges('options', before.options, after.options, add);
  mapChanges('labels', before.labels, after.labels, add);
  return changes;
}

function mapChanges(
  prefix: string,
  before: Record<string, string> = {},
  after: Record<string, string> = {},
  add: (field: string, from: string | null, to: string | null) => void,
): void {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const k of keys)
    add(`${prefix}.${k}`, Object.hasOwn(before, k) ? (before[k] ?? null) : null, Object.hasOwn(after, k) ? (after[k] ?? null) : null);
}
