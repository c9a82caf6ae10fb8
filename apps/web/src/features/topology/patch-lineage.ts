import type { Patch } from '@bridgeboard/topology';

/**
 * Which keys a patch changed, remembered per table: `apply` makes a new table for each kind a
 * patch touches, and here that new table points back to the one it came from with the keys that
 * differ. Derived views (the board) then ask "what changed since the table I last saw" and get the
 * answer in proportion to the patches, without walking tables of thousands of entries (issue 13).
 * The table before is held weakly: a chain of tables nobody reads any more is not kept alive.
 */
const lineage = new WeakMap<object, { before: WeakRef<object>; keys: string[] }>();

/** Notes what `patch` changed, from the tables of `before` to those of `after` (= apply(before, patch)). */
export function recordPatch<T extends object>(before: T, after: T, patch: Patch): void {
  const keys = new Map<string, string[]>();
  for (const op of patch.ops) keys.set(op.kind, [...(keys.get(op.kind) ?? []), op.key]);
  for (const [kind, changed] of keys) {
    const from = (before as Record<string, object>)[kind];
    const to = (after as Record<string, object>)[kind];
    if (from && to && from !== to) lineage.set(to, { before: new WeakRef(from), keys: changed });
  }
}

/** At most this many patches are walked back; further than that a walk of the table is as cheap. */
const MAX_STEPS = 64;

/** The keys that may differ between `from` and `to` (a superset), when `to` descends from `from` by recorded patches; else null. */
export function keysChangedSince(from: object, to: object): string[] | null {
  const keys: string[] = [];
  let at: object | undefined = to;
  for (let step = 0; at !== from; step++) {
    const link: { before: WeakRef<object>; keys: string[] } | undefined =
      at === undefined || step === MAX_STEPS ? undefined : lineage.get(at);
    if (!link) return null;
    keys.push(...link.keys);
    at = link.before.deref();
  }
  return keys;
}
