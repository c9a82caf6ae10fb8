import { dequal } from 'dequal';
import { own } from './lookup.js';
import { KINDS, type Patch, type PatchOp, type Topology } from './types.js';

/** The ops that turn `a` into `b`, carrying `b.rev`. Unchanged objects cost a reference check. */
export function diff(a: Topology, b: Topology): Patch {
  const ops: PatchOp[] = [];
  for (const kind of KINDS) {
    const before: Record<string, unknown> = a[kind];
    const after: Record<string, unknown> = b[kind];
    // A table a change did not touch is the same object: nothing to walk.
    if (before === after) continue;
    for (const key of Object.keys(before)) {
      if (!Object.hasOwn(after, key)) ops.push({ op: 'del', kind, key });
    }
    for (const [key, value] of Object.entries(after)) {
      const old = own(before, key);
      if (old !== value && !dequal(old, value)) ops.push({ op: 'put', kind, key, value } as PatchOp);
    }
  }
  return { rev: b.rev, ops };
}
