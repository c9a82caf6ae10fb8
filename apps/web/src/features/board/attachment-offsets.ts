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
  for (const list of byNetwork.values()) {
    list.sort((a, b) => a.x - b.x);
    const spacing = Math.min(ATTACH_SPACING, (BRIDGE_WIDTH - 40) / Math.max(1, list.length - 1));
    list.forEach((link, i) => offsets.set(link.id, (i - (list.length - 1) / 2) * spacing));
  }
  return offsets;
}
