import type { Target } from './engine-event.js';

interface Pending {
  target: Target;
  waiters: (() => void)[];
}

/** Reads one object; `superseded()` turns true once a newer event for it is queued. */
export type ReadObject = (target: Target, superseded: () => boolean) => Promise<void>;

const keyOf = (target: Target) => `${target.kind}:${target.id}`;

/** Reads in flight at once, over all objects: an engine under churn answers 8 faster than 800. */
export const READ_CONCURRENCY = 8;

/**
 * Per-object reads: events for one object within a tick become one read, at most one read per
 * object is in flight, and one slow inspect holds up only its own object while the others go on.
 * At most `concurrency` reads are in flight: the rest wait their turn in arrival order, and the
 * events that arrive meanwhile fold into the read still waiting, so a burst costs fewer calls.
 * Paused while a full relist is under way.
 */
export class ReadQueue {
  #pending = new Map<string, Pending>();
  #reading = new Set<string>();
  #scheduled = false;
  #paused = true;

  constructor(
    private readonly read: ReadObject,
    private readonly concurrency = READ_CONCURRENCY,
  ) {}

  /** Queues a read; `waiter` is called once a read that started after this call has finished. */
  enqueue(target: Target, waiter?: () => void): void {
    const key = keyOf(target);
    const pending = this.#pending.get(key);
    // The newest expectation wins (a disconnect then a connect of the same pair means "attached");
    // a plain refresh, which has none, keeps the one an event gave.
    if (pending)
      pending.target =
        target.kind === 'container' && !target.expect && pending.target.kind === 'container'
          ? { ...target, expect: pending.target.expect }
          : target;
    else this.#pending.set(key, { target, waiters: [] });
    if (waiter) this.#pending.get(key)?.waiters.push(waiter);
    this.#schedule();
  }

  /**
   * Stops reading until `resume`. What is queued is dropped and its waiters released at once: the
   * relist that precedes `resume` reads everything anyway, and a route must not wait on an engine
   * that may never come back.
   */
  pause(): void {
    this.#paused = true;
    this.clear();
  }

  resume(): void {
    this.#paused = false;
    this.#schedule();
  }

  /** Drops what is queued and releases its waiters. */
  clear(): void {
    for (const p of this.#pending.values()) p.waiters.forEach((w) => w());
    this.#pending.clear();
  }

  #schedule(): void {
    if (this.#scheduled || this.#paused) return;
    this.#scheduled = true;
    // One tick of slack: a burst of events for one object becomes one read.
    setImmediate(() => {
      this.#scheduled = false;
      this.#drain();
    });
  }

  #drain(): void {
    if (this.#paused) return;
    for (const key of this.#pending.keys()) {
      if (this.#reading.size >= this.concurrency) return;
      if (!this.#reading.has(key)) void this.#run(key);
    }
  }

  async #run(key: string): Promise<void> {
    const job = this.#pending.get(key);
    if (!job) return;
    this.#pending.delete(key);
    this.#reading.add(key);
    try {
      await this.read(job.target, () => this.#pending.has(key));
    } finally {
      this.#reading.delete(key);
      job.waiters.forEach((w) => w());
      // A freed place goes to whoever waits longest; this object's own newer event waits its turn too.
      this.#drain();
    }
  }
}
