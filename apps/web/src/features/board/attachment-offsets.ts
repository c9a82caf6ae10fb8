import { BRIDGE_WIDTH } from './geometry';

const ATTACH_SPACING = 96;

/** One link to a bridge: its edge id, its bridge, and where its chip stands (x). */
export interface Attachment {
  id: string;
  networkId: string;
  x: number;
}

/**
 * Where each link meets its bridge, as an offset from the bar's middle: spread along the bar in
 * the order of the chips below it, like ports on a switch, so links do not all meet in one
 * point and each can be told apart (and grabbed).
 */
export function attachmentOffsets(links: Attachment[]): Map<string, number> {
  const byNetwork = new Map<string, Attachment[]>();
  for (const link of links) byNetwork.set(link.networkId, [...(byNetwork.get(link.networkId) ?? []), link]);
  const offsets = new Map<string, number>();
  for (const list of byNetwork.values()) spreadAlong(list, offsets);
  return offsets;
}

function spreadAlong(list: Attachment[], offsets: Map<string, number>): void {
  // Ties (chips one above another) by id, so a bridge spread again puts them in the same order.
  list.sort((a, b) => a.x - b.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const spacing = Math.min(ATTACH_SPACING, (BRIDGE_WIDTH - 40) / Math.max(1, list.length - 1));
  list.forEach((link, i) => offsets.set(link.id, (i - (list.length - 1) / 2) * spacing));
}

/**
 * The same offsets, kept from one pass to the next: only the bridges whose links came, went or
 * moved are spread again. A pass `put`s and `remove`s the links that changed (or `clear`s and puts
 * all), then `settle` spreads again the bridges that changed and says which those were.
 */
export class AttachmentSpread {
  private readonly links = new Map<string, Attachment>();
  private readonly byNetwork = new Map<string, Map<string, Attachment>>();
  private readonly offsets = new Map<string, number>();
  private readonly dirty = new Set<string>();

  clear(): void {
    for (const networkId of this.byNetwork.keys()) this.dirty.add(networkId);
    this.links.clear();
    this.byNetwork.clear();
    this.offsets.clear();
  }

  put(id: string, networkId: string, x: number): void {
    const old = this.links.get(id);
    if (old && old.networkId === networkId && old.x === x) return;
    if (old) this.remove(id);
    const link = { id, networkId, x };
    this.links.set(id, link);
    this.on(networkId).set(id, link);
    this.dirty.add(networkId);
  }

  remove(id: string): void {
    const link = this.links.get(id);
    if (!link) return;
    this.links.delete(id);
    this.offsets.delete(id);
    const list = this.byNetwork.get(link.networkId);
    list?.delete(id);
    if (list?.size === 0) this.byNetwork.delete(link.networkId);
    this.dirty.add(link.networkId);
  }

  /** Spreads again the bridges whose links changed; returns the ids of the links on them. */
  settle(): string[] {
    const moved: string[] = [];
    for (const networkId of this.dirty) {
      const list = [...(this.byNetwork.get(networkId)?.values() ?? [])];
      spreadAlong(list, this.offsets);
      for (const link of list) moved.push(link.id);
    }
    this.dirty.clear();
    return moved;
  }

  offset(id: string): number {
    return this.offsets.get(id) ?? 0;
  }

  private on(networkId: string): Map<string, Attachment> {
    const known = this.byNetwork.get(networkId);
    if (known) return known;
    const links = new Map<string, Attachment>();
    this.byNetwork.set(networkId, links);
    return links;
  }
}
