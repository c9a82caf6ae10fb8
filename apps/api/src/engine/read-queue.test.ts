import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { Target } from './engine-event.js';
import { ReadQueue } from './read-queue.js';

const c = (id: string): Target => ({ kind: 'container', id });

describe('ReadQueue', () => {
  it('coalesces a burst for one object into one read, and reads objects independently', async () => {
    const reads: string[] = [];
    let releaseSlow: () => void = () => undefined;
    const slowHeld = new Promise<void>((r) => (releaseSlow = r));
    const q = new ReadQueue(async (t) => {
      reads.push(t.id);
      if (t.id === 'slow') await slowHeld; // held until the end of the test
    });
    q.resume();
    for (let i = 0; i < 5; i++) q.enqueue(c('a'));
    const slowDone = new Promise<void>((r) => q.enqueue(c('slow'), r));
    // 'b' finishes while 'slow' is still held: objects never wait for each other.
    await new Promise<void>((r) => q.enqueue(c('b'), r));
    expect(reads.sort()).toEqual(['a', 'b', 'slow']);
    releaseSlow();
    await slowDone;
    expect(reads).toHaveLength(3);
  });

  it('reads an object again when it changes during a read, and tells the read it is superseded', async () => {
    const seen: boolean[] = [];
    let release: () => void = () => undefined;
    const q = new ReadQueue(async (_t, superseded) => {
      await new Promise<void>((r) => (release = r));
      seen.push(superseded());
    });
    q.resume();
    q.enqueue(c('a'));
    await sleep(5);
    const second = new Promise<void>((r) => q.enqueue(c('a'), r));
    release();
    await sleep(5);
    release();
    await second;
    expect(seen).toEqual([true, false]);
  });

  it('holds reads while paused (before the first relist), and releases waiters on clear', async () => {
    let reads = 0;
    const q = new ReadQueue(async () => {
      reads++;
      await Promise.resolve();
    });
    const waiter = new Promise<void>((r) => q.enqueue(c('a'), r));
    await sleep(5);
    expect(reads).toBe(0);
    q.clear();
    await waiter;
    expect(reads).toBe(0);
  });

  it('releases waiters when paused, so a route never waits on an engine that went away', async () => {
    let release: () => void = () => undefined;
    const q = new ReadQueue(() => new Promise<void>((r) => (release = r)));
    q.resume();
    q.enqueue(c('a'));
    await sleep(5); // a read of 'a' is now in flight
    const queued = new Promise<string>((r) => q.enqueue(c('a'), () => r('released')));
    q.pause();
    expect(await Promise.race([queued, sleep(50).then(() => 'still waiting')])).toBe('released');
    release();
  });

  it("keeps an event's expectation when a plain refresh of the same container is queued after it", async () => {
    const seen: Target[] = [];
    const q = new ReadQueue(async (t) => {
      seen.push(t);
      await Promise.resolve();
    });
    q.enqueue({ kind: 'container', id: 'a', expect: { network: 'n', attached: true } });
    q.enqueue(c('a'));
    q.resume();
    await sleep(10);
    expect(seen).toEqual([{ kind: 'container', id: 'a', expect: { network: 'n', attached: true } }]);
  });

  it('keeps at most its concurrency in flight, the rest in arrival order, and folds events into reads still waiting', async () => {
    let inFlight = 0;
    let most = 0;
    const order: string[] = [];
    const q = new ReadQueue(async (t) => {
      order.push(t.id);
      most = Math.max(most, ++inFlight);
      await sleep(10);
      inFlight--;
    }, 3);
    q.resume();
    const done = Array.from({ length: 10 }, (_, i) => new Promise<void>((r) => q.enqueue(c(`o${i}`), r)));
    // Events for waiting objects while the first three are read: no extra reads.
    for (let i = 3; i < 10; i++) q.enqueue(c(`o${i}`));
    await Promise.all(done);
    expect(most).toBe(3);
    expect(order).toEqual(Array.from({ length: 10 }, (_, i) => `o${i}`));
  });
});
