/** A bounded pool for making and removing many engine objects at once, on p-limit. */
import pLimit from 'p-limit';

/**
 * Runs `work` over `items`, at most `limit` at once, started in order. After the first failure,
 * or once `signal` is aborted, no new item is started (so a failing or interrupted bench stops
 * making objects); the ones running are waited for, so nothing is still being made when the
 * caller cleans up. Then the first failure is thrown, else the abort reason.
 */
export async function parallel<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  signal?.throwIfAborted();
  // rejectOnClear: items dropped by clearQueue() settle (with an AbortError) instead of never, so
  // allSettled below returns once the running ones are done.
  const queue = pLimit({ concurrency: limit, rejectOnClear: true });
  const failures: unknown[] = [];
  const stop = () => queue.clearQueue();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    await Promise.allSettled(
      items.map((item) =>
        queue(async () => {
          // An item already dequeued when the stop came is not started either.
          if (failures.length || signal?.aborted) return;
          try {
            await work(item);
          } catch (error) {
            failures.push(error);
            stop();
          }
        }),
      ),
    );
  } finally {
    signal?.removeEventListener('abort', stop);
  }
  if (failures.length) throw failures[0];
  signal?.throwIfAborted();
}
