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

/** One kind of thing that hangs in the columns (containers, or other nodes' members): id → slot. */
export type Slots = Record<string, Slot>;

/** A newcomer to place: its id, its name (newcomers are placed in name order) and its home network. */
export interface Newcomer {
  id: string;
  name: string;
  home: string;
}

/** Slots edited copy-on-write: untouched, `result()` is the very object it started from. */
export class SlotEdit {
  private slots: Slots;
  constructor(private readonly from: Slots) {
    this.slots = from;
  }
  private writable(): Slots {
    if (this.slots === this.from) this.slots = { ...this.from };
    return this.slots;
  }
  free(id: string): void {
    Reflect.deleteProperty(this.writable(), id);
  }
  put(id: string, slot: Slot): void {
    Object.defineProperty(this.writable(), id, { value: slot, enumerable: true, writable: true, configurable: true });
  }
  result(): Slots {
    return this.slots;
  }
}

/**
 * Places newcomers of both kinds, which share each column's slots: every one already placed keeps
 * its slot, and each newcomer, in name order (this engine's containers before other nodes'
 * members), takes the lowest free one under its home. Only the columns newcomers go to are read.
 */
export function placeNewcomers(kinds: { edit: SlotEdit; newcomers: Newcomer[] }[]): void {
  const homes = new Set(kinds.flatMap((k) => k.newcomers.map((n) => n.home)));
  if (homes.size === 0) return;
  const taken = new Map([...homes].map((home) => [home, new Set<number>()]));
  for (const { edit } of kinds) {
    const slots = edit.result();
    for (const id in slots) {
      const slot = own(slots, id);
      if (slot) taken.get(slot.network)?.add(slot.index);
    }
  }
  for (const { edit, newcomers } of kinds) {
    for (const n of [...newcomers].sort((a, b) => a.name.localeCompare(b.name))) {
      const used = taken.get(n.home) ?? new Set<number>();
      const index = lowestFree(used);
      used.add(index);
      edit.put(n.id, { network: n.home, index });
    }
  }
}
