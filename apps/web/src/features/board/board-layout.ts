import type { Slot } from './place-slots';

/**
 * Where everything stands on the board. Pure, and stable: what was placed keeps its place when
 * something else appears or goes, so nothing jumps when a container joins. Each network is a
 * column (its bridge on top); each container hangs in a slot under its home network, and so does
 * each member of a swarm overlay that runs on another node: containers and members share the
 * column's slots, so neither pushes the other.
 */
export interface BoardLayout {
  /** Network id → column index. */
  columns: Record<string, number>;
  /** Container id → its home network id and slot index in that column. */
  slots: Record<string, Slot>;
  /** Overlay member key (`networkId/endpointId`) of a member on another node → its slot under that overlay. */
  members: Record<string, Slot>;
}

export const emptyLayout: BoardLayout = { columns: {}, slots: {}, members: {} };
