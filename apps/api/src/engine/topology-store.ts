import { EventEmitter } from 'node:events';
import { diff, emptyTopology, type Patch, type Topology } from '@bridgeboard/topology';

interface StoreEvents {
  patch: [Patch];
}

/**
 * The current topology and its `rev`. Every change becomes exactly one patch with `rev + 1`;
 * a change that changes nothing makes no patch and keeps the rev.
 */
export class TopologyStore extends EventEmitter<StoreEvents> {
  #current: Topology = emptyTopology();

  get current(): Topology {
    return this.#current;
  }

  /** Applies `change` to the current topology and publishes the difference, if any. */
  update(change: (t: Topology) => Topology): Patch | null {
    const before = this.#current;
    const after = { ...change(before), rev: before.rev + 1 };
    const patch = diff(before, after);
    if (patch.ops.length === 0) return null;
    this.#current = after;
    this.emit('patch', patch);
    return patch;
  }
}
