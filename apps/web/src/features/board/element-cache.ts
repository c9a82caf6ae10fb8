import type { Edge } from '@xyflow/react';
import type { Topology } from '@bridgeboard/topology';
import { AttachedTally } from './attached-counts';
import { AttachmentSpread } from './attachment-offsets';
import type { BoardBridgeNode, BoardEdge, BoardNode } from './element-types';
import type { ContainerNodeType } from './container-node';
import type { EndpointEdgeType } from './endpoint-edge';
import type { BoardLayout } from './layout';
import type { MemberEdgeType } from './member-edge';
import type { MemberNodeType } from './member-node';
import type { SwarmBar } from './swarm-marks';

/**
 * Values by id, each remembered with the inputs it was made from: asked again with the same
 * inputs (by identity), the same value comes back, so React Flow re-renders only what changed.
 * Whatever a pass did not ask for is dropped by `sweep`.
 */
export class Keyed<V> {
  private readonly entries = new Map<string, { inputs: readonly unknown[]; value: V; pass: number }>();
  private pass = 0;

  get(id: string, inputs: readonly unknown[], make: () => V): V {
    const entry = this.entries.get(id);
    if (entry && entry.inputs.length === inputs.length && entry.inputs.every((x, i) => Object.is(x, inputs[i]))) {
      entry.pass = this.pass;
      return entry.value;
    }
    const value = make();
    this.entries.set(id, { inputs, value, pass: this.pass });
    return value;
  }

  /** Forgets one id (a pass that looks only at what changed drops what went). */
  drop(id: string): void {
    this.entries.delete(id);
  }

  /** Forgets what this pass did not ask for, and starts the next pass: only after a pass that asked for everything. */
  sweep(): void {
    for (const [id, entry] of this.entries) if (entry.pass !== this.pass) this.entries.delete(id);
    this.pass++;
  }
}

/** One board's memory between passes of boardElements: the nodes and edges it made, and the tallies it keeps. */
export interface ElementCache {
  bridges: Keyed<BoardBridgeNode>;
  /** A swarm bar is made anew each time: the last one per network, kept while it says the same. */
  swarmBars: Map<string, SwarmBar | null>;
  chips: Keyed<ContainerNodeType>;
  links: Keyed<EndpointEdgeType>;
  members: Keyed<MemberNodeType>;
  memberLinks: Keyed<MemberEdgeType>;
  stacks: Keyed<Edge>;
  /** Chip positions of the last layout by slot object: a layout kept as it was moves nothing. */
  positions: { layout: BoardLayout | null; bySlot: WeakMap<object, { x: number; y: number }> };
  spread: AttachmentSpread;
  attached: AttachedTally;
  /** What the last pass saw: the next looks only at what changed since, while the view stays the same. */
  seen: { view: readonly unknown[]; containers: Topology['containers']; endpoints: Topology['endpoints']; members: ReadonlySet<string> };
  /** The chips and links as last made, in order, by id. */
  chipsById: Map<string, ContainerNodeType>;
  linksById: Map<string, EndpointEdgeType>;
  /** Container id → its links' keys; the containers in `container:X` mode. */
  linksOf: Map<string, Set<string>>;
  sharing: Set<string>;
  /** The last pass's arrays, handed out again when every element in them is the same. */
  last: { nodes: BoardNode[]; edges: BoardEdge[] };
}

export function createElementCache(): ElementCache {
  return {
    bridges: new Keyed(),
    swarmBars: new Map(),
    chips: new Keyed(),
    links: new Keyed(),
    members: new Keyed(),
    memberLinks: new Keyed(),
    stacks: new Keyed(),
    positions: { layout: null, bySlot: new WeakMap() },
    spread: new AttachmentSpread(),
    attached: new AttachedTally(),
    seen: { view: [], containers: {}, endpoints: {}, members: new Set() },
    chipsById: new Map(),
    linksById: new Map(),
    linksOf: new Map(),
    sharing: new Set(),
    last: { nodes: [], edges: [] },
  };
}
