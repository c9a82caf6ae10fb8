import type { Target } from './engine-event.js';

interface Pending {
  target: Target;
  waiters: (() => void)[];
}

/** Reads one object; `superseded()` turns true once a newer event for it is queued. */
export type ReadObject = (target: Target, superseded: () => boolean) => Promise<void>;

const keyOf = (target: Target) => `${target.kind}:${target.id}`;

/**
 * Per-object reads: events for one object within a tick become one read, at most one read per
 * object is in flight, and objects never wait for each other (one slow inspect holds up only its
 * own object). Paused while a full relist is under way.
 */
export class ReadQueue {
  #pending = new Map<string, Pending>();
  #reading = new Set<string>();
  #scheduled = false;
  #paused = true;

  constructor(private readonly read: ReadObject) {}

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
      if (this.#paused) return;
      for (const key of this.#pending.keys()) if (!this.#reading.has(key)) void this.#run(key);
    });
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
      if (this.#pending.has(key)) this.#schedule();
    }
  }
}
