import { setTimeout as sleep } from 'node:timers/promises';

/** Stops waiting for `work` after `ms` (the work itself goes on; callers drop late results). */
export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  const timer = new AbortController();
  return Promise.race([
    work.finally(() => timer.abort()),
    sleep(ms, undefined, { signal: timer.signal }).then(() => {
      throw new Error(`engine did not answer within ${ms} ms`);
    }),
  ]);
}

/** An answer from the engine (an HTTP status) rather than a broken or silent connection. */
export function isEngineAnswer(err: unknown): boolean {
  return typeof (err as { statusCode?: unknown }).statusCode === 'number';
}
