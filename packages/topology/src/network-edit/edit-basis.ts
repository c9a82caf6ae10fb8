import type { EngineEndpointSettings } from '../engine-types.js';
import type { Container, Network } from '../types.js';
import { specOfNetwork } from './network-spec.js';

/**
 * What a plan was made from, as a digest: the network (id and settings), and each attached
 * container's id, name, state and endpoint settings. A plan applied after any of them changed is
 * refused; the topology's revision and the other containers do not count, so an unrelated event
 * does not make a reviewed plan stale. FNV-1a (64 bits) over a key-sorted JSON: no node:crypto,
 * since the board computes it too.
 */
export function editBasis(n: Network, attached: readonly { container: Container; settings: EngineEndpointSettings | undefined }[]): string {
  const endpoints = attached
    .map(({ container: c, settings: s }) => ({
      id: c.id,
      name: c.name,
      state: c.state,
      settings: s
        ? {
            IPAMConfig: s.IPAMConfig ?? null,
            Aliases: s.Aliases ?? null,
            Links: s.Links ?? null,
            DriverOpts: s.DriverOpts ?? null,
            MacAddress: s.MacAddress ?? null,
            IPAddress: s.IPAddress ?? null,
            GlobalIPv6Address: s.GlobalIPv6Address ?? null,
            GwPriority: s.GwPriority ?? null,
          }
        : null,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return fnv1a64(canonicalJson({ id: n.id, spec: specOfNetwork(n), endpoints }));
}

/** JSON with every object's keys sorted, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value === undefined ? null : value);
}

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = (1n << 64n) - 1n;

/** FNV-1a, 64 bits, over the UTF-8 bytes of `text`, as 16 hex digits. */
export function fnv1a64(text: string): string {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) hash = ((hash ^ BigInt(byte)) * FNV_PRIME) & MASK_64;
  return hash.toString(16).padStart(16, '0');
}
