import type { Patch, Topology } from './types.js';

/** A new topology with the patch applied; `t` is not changed and untouched objects are shared. */
export function apply(t: Topology, patch: Patch): Topology {
  const next: Topology = { ...t, rev: patch.rev };
  const copied = new Set<string>();
  for (const op of patch.ops) {
    if (!copied.has(op.kind)) {
      next[op.kind] = { ...next[op.kind] } as never;
      copied.add(op.kind);
    }
    const table = next[op.kind] as Record<string, unknown>;
    // Defined, not assigned: `table[key] = …` with a key of `__proto__` would set the table's prototype.
    if (op.op === 'put') Object.defineProperty(table, op.key, { value: op.value, enumerable: true, writable: true, configurable: true });
    else Reflect.deleteProperty(table, op.key);
  }
  return next;
}
