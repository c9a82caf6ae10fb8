import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const engineScript = fileURLToPath(new URL('../../../../scripts/engine.sh', import.meta.url));

/** Stops dockerd (SIGTERM, as a service manager would), waits until it is gone, starts it again. */
export async function restartEngine(): Promise<void> {
  await run('pkill', ['-TERM', '-x', 'dockerd']);
  for (let i = 0; i < 120; i++) {
    try {
      await run('pgrep', ['-x', 'dockerd']);
    } catch {
      break; // pgrep exits 1 when no process matches
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await run('bash', [engineScript], { timeout: 120_000 });
}
