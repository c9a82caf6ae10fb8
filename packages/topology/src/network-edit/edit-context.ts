import type { NetworkSpec } from '../network-commands.js';
import type { Container, Network } from '../types.js';
import type { SubnetRoom } from './address-map.js';
import type { AddressPolicy, NetworkEditPlan } from './edit-types.js';

/** What every part of a network edit's plan reads: the network as it is and as asked, and the engine. */
export interface EditContext {
  network: Network;
  target: NetworkSpec;
  oldRooms: SubnetRoom[];
  newRooms: SubnetRoom[];
  policy: AddressPolicy;
  /** `network connect` takes a MAC address from API 1.44 (docker/cli: "--mac-address" on connect). */
  canSetMac: boolean;
  /** `network connect --gw-priority` arrived with API 1.48 (Docker 28). */
  canSetGwPriority: boolean;
}

export type Unkept = NetworkEditPlan['unkept'][number];
export type Refusal = NetworkEditPlan['refusals'][number];

/** `1.44` ≥ `1.41`: compared as numbers, part by part. */
export function apiAtLeast(version: string, wanted: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const [wMajor = 0, wMinor = 0] = wanted.split('.').map(Number);
  return major > wMajor || (major === wMajor && minor >= wMinor);
}

/**
 * Whether the container was made with `--network <this network>` (by name, or by id or id
 * prefix): the engine looks that network up again at every start.
 */
export function startsOn(c: Container, n: Network): 'name' | 'id' | null {
  if (c.networkMode.kind !== 'network' || c.networkMode.network === '') return null;
  if (c.networkMode.network === n.name) return 'name';
  return n.id.startsWith(c.networkMode.network) ? 'id' : null;
}
