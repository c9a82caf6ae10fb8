import { own, type Topology } from '@bridgeboard/topology';
import { remoteMembers } from './remote-members';
import { changedKeys } from './table-changes';

/** What hangs on a bridge: this engine's links by their container's state, other nodes' members counted as running. */
export interface Attached {
  running: number;
  stopped: number;
}

const NONE: Attached = Object.freeze({ running: 0, stopped: 0 });

/** From scratch, by network id: what AttachedTally must always equal (its test says so). */
export function attachedCounts(t: Topology): Map<string, Attached> {
  const counts = new Map<string, Attached>();
  const add = (networkId: string, running: boolean) => {
    const old = counts.get(networkId) ?? NONE;
    counts.set(networkId, running ? { ...old, running: old.running + 1 } : { ...old, stopped: old.stopped + 1 });
  };
  for (const e of Object.values(t.endpoints)) {
    const c = own(t.containers, e.containerId);
    if (c) add(e.networkId, c.state === 'running');
  }
  for (const m of remoteMembers(t).values()) add(m.networkId, true);
  return counts;
}

/**
 * The same counts, kept up to date from what changed (see changedKeys): a patch that connects
 * one container recounts one link, and only the bridges whose count changed get a new object.
 */
export class AttachedTally {
  private endpoints: Topology['endpoints'] = {};
  private containers: Topology['containers'] = {};
  private members: ReturnType<typeof remoteMembers> = new Map();
  /** What each link counts for now: its network and whether its container runs (absent: its container is not known). */
  private readonly counted = new Map<string, { networkId: string; running: boolean }>();
  /** Container id → its links' keys, so a container that starts or stops recounts only its own links. */
  private readonly linksOf = new Map<string, Set<string>>();
  private readonly counts = new Map<string, Attached>();

  of(networkId: string): Attached {
    return this.counts.get(networkId) ?? NONE;
  }

  update(t: Topology): void {
    const recount = new Set<string>();
    for (const key of changedKeys(this.endpoints, t.endpoints)) {
      const before = own(this.endpoints, key);
      const after = own(t.endpoints, key);
      if (before && before.containerId !== after?.containerId) this.unlink(before.containerId, key);
      if (after) this.linksAt(after.containerId).add(key);
      recount.add(key);
    }
    for (const id of changedKeys(this.containers, t.containers)) for (const key of this.linksOf.get(id) ?? []) recount.add(key);
    for (const key of recount) this.recount(t, key);

    const members = remoteMembers(t);
    if (members !== this.members) {
      for (const m of this.members.values()) this.add(m.networkId, true, -1);
      for (const m of members.values()) this.add(m.networkId, true, 1);
      this.members = members;
    }
    this.endpoints = t.endpoints;
    this.containers = t.containers;
  }

  private linksAt(containerId: string): Set<string> {
    const known = this.linksOf.get(containerId);
    if (known) return known;
    const links = new Set<string>();
    this.linksOf.set(containerId, links);
    return links;
  }

  private recount(t: Topology, key: string): void {
    const old = this.counted.get(key);
    const e = own(t.endpoints, key);
    const c = e && own(t.containers, e.containerId);
    const now = e && c ? { networkId: e.networkId, running: c.state === 'running' } : undefined;
    if (old?.networkId === now?.networkId && old?.running === now?.running) return;
    if (old) this.add(old.networkId, old.running, -1);
    if (now) this.add(now.networkId, now.running, 1);
    if (now) this.counted.set(key, now);
    else this.counted.delete(key);
  }

  private unlink(containerId: string, key: string): void {
    const links = this.linksOf.get(containerId);
    links?.delete(key);
    if (links?.size === 0) this.linksOf.delete(containerId);
  }

  private add(networkId: string, running: boolean, by: 1 | -1): void {
    const old = this.of(networkId);
    const next = running ? { ...old, running: old.running + by } : { ...old, stopped: old.stopped + by };
    if (next.running === 0 && next.stopped === 0) this.counts.delete(networkId);
    else this.counts.set(networkId, next);
  }
}
