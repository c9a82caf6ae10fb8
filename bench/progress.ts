/** Progress lines, on stderr so that stdout holds only the tables. */
import { performance } from 'node:perf_hooks';

/** A logger writing `[tag] message`, or with `seconds`, `[tag  12 s] message` (seconds since the bench started). */
export function progressLog(tag: string, { seconds = false } = {}): (message: string) => void {
  return (message) => {
    const clock = seconds ? ` ${(performance.now() / 1000).toFixed(0).padStart(3)} s` : '';
    process.stderr.write(`[${tag}${clock}] ${message}\n`);
  };
}
