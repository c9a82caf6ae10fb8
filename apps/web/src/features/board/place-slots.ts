import { own } from '@bridgeboard/topology';

export interface Slot {
  network: string;
  index: number;
}

export function lowestFree(taken: Set<number>): number {
  let i = 0;
  while (taken.has(i)) i++;
  return i;
}

/** Things that hang in a column, in the order newcomers are placed: id → home network. */
export type Hanging = [id: string, home: string | null][];

/**
 * Slots for two kinds of hanging things that share each column: every one that was placed keeps
 * its slot (while its home stays the same) before any newcomer takes the lowest free one.
 */
export function placeSlots(kinds: { hanging: Hanging; prev: Record<string, Slot> }[]): Record<string, Slot>[] {
  const used = new Map<string, Set<number>>();
  const taken = (network: string) => used.get(network) ?? used.set(network, new Set()).get(network) ?? new Set<number>();
  const placed = kinds.map(({ hanging, prev }) => {
    const slots: Record<string, Slot> = {};
    for (const [id, home] of hanging) {
      const old = own(prev, id);
      if (old && old.network === home) {
        slots[id] = old;
        taken(home).add(old.index);
      }
    }
    return { hanging, slots };
  });
  for (const { hanging, slots } of placed) {
    for (const [id, home] of hanging) {
      if (!home || own(slots, id)) continue;
      const index = lowestFree(taken(home));
      slots[id] = { network: home, index };
      taken(home).add(index);
    }
  }
  return placed.map((p) => p.slots);
}
