import { findContainer } from './lookup.js';
import type { Topology } from './types.js';

/**
 * The names plus every container linked to or from any of them, transitively (a `--link` group).
 * Names given first, in their order, then the group's others by name; unknown names pass through.
 */
export function expandLinkedGroup(t: Topology, names: readonly string[]): string[] {
  const group = new Set(names.map((n) => findContainer(t, n)?.name ?? n));
  let size = -1;
  while (size !== group.size) {
    size = group.size;
    for (const c of Object.values(t.containers)) {
      const ends = [c.name, ...c.links.map((l) => l.container)];
      if (ends.some((name) => group.has(name))) ends.forEach((name) => group.add(name));
    }
  }
  const given = names.map((n) => findContainer(t, n)?.name ?? n);
  return [...new Set([...given, ...[...group].filter((n) => !given.includes(n)).sort()])];
}
