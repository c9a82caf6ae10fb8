import { own } from '@bridgeboard/topology';
import { keysChangedSince } from '../topology/patch-lineage';

/**
 * The keys whose entry differs between two versions of a topology table. From the patches that
 * made one from the other when they were recorded (see patch-lineage.ts): then the cost is the
 * size of the patches, not of the table. Else (a snapshot replaced the table) by identity, entry by
 * entry: the core's `apply` shares every entry a patch did not touch. Each key at most once.
 */
export function changedKeys<T>(before: Readonly<Record<string, T>>, after: Readonly<Record<string, T>>): string[] {
  if (before === after) return [];
  const known = keysChangedSince(before, after);
  if (known) return [...new Set(known)].filter((key) => own(before, key) !== own(after, key));
  const changed: string[] = [];
  for (const key in after) if (Object.hasOwn(after, key) && (!Object.hasOwn(before, key) || before[key] !== after[key])) changed.push(key);
  for (const key in before) if (Object.hasOwn(before, key) && !Object.hasOwn(after, key)) changed.push(key);
  return changed;
}
