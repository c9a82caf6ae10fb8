/**
 * What both bench entry points (run.ts, web-board.ts) do around their main(): remove their
 * objects and say so, and exit exactly once, whichever of a signal or a failure comes first.
 */
import { cleanup } from './engine-api.js';

/** Removes everything named `prefix…`; says how much there was, if any. */
export async function cleanupAndSay(prefix: string, progress: (message: string) => void, when: string): Promise<void> {
  const removed = await cleanup(prefix);
  if (removed.containers || removed.networks)
    progress(`${when}: removed ${removed.containers} containers and ${removed.networks} networks named ${prefix}*`);
}

export interface BenchExit {
  /** The name prefix of every object the bench makes. */
  prefix: string;
  progress: (message: string) => void;
  /** On SIGINT/SIGTERM, before anything else: stop work that would make more objects. */
  onSignal?: () => void;
  /** On a failure or a signal, before the cleanup: close what holds the bench's objects. */
  beforeCleanup?: () => Promise<void>;
  /** After main() failed (or was interrupted) and its error was printed, e.g. to print more context. */
  onFailure?: () => void;
}

/**
 * Runs `main` and exits: 0 when it returns, 1 when it fails, 130 on SIGINT/SIGTERM. On a failure
 * or a signal the bench's objects are removed first; a signal and a failing main (the signal's
 * own doing) share that one cleanup.
 */
export async function runToExit(main: () => Promise<void>, exit: BenchExit): Promise<never> {
  let interrupted: NodeJS.Signals | null = null;
  let finishing: Promise<never> | null = null;
  const finish = (code: number): Promise<never> => {
    finishing ??= (async () => {
      try {
        await exit.beforeCleanup?.();
        await cleanupAndSay(exit.prefix, exit.progress, interrupted ? `after ${interrupted}` : 'after the failure');
      } catch (err) {
        console.error('cleanup failed:', err);
      }
      process.exit(code);
    })();
    return finishing;
  };

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (interrupted) return;
      interrupted = signal;
      exit.onSignal?.();
      exit.progress(`${signal}: stopping and cleaning up`);
      void finish(130);
    });
  }

  try {
    await main();
    process.exit(0);
  } catch (err) {
    // After a signal, failures of the interrupted work (killed CLI runs, aborts) are expected.
    if (!interrupted) console.error(err);
    exit.onFailure?.();
    return finish(interrupted ? 130 : 1);
  }
}
