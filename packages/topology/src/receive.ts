import { apply } from './apply.js';
import type { Patch, Topology } from './types.js';

export type Received = { kind: 'apply'; topology: Topology } | { kind: 'ignore' } | { kind: 'resync' };

/**
 * What a client does with a patch: apply the next rev, ignore what its snapshot already holds,
 * and ask for a fresh snapshot on any gap (or before it has one).
 */
export function receivePatch(current: Topology | undefined, patch: Patch): Received {
  if (current && patch.rev <= current.rev) return { kind: 'ignore' };
  if (!current || patch.rev !== current.rev + 1) return { kind: 'resync' };
  return { kind: 'apply', topology: apply(current, patch) };
}
