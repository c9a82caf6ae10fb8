import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const engineScript = fileURLToPath(new URL('../../../../scripts/engine.sh', import.meta.url));

/** Stops dockerd (SIGTERM, as a service manager would) and starts it again: `engine.sh --restart`. */
export async function restartEngine(): Promise<void> {
  await run('bash', [engineScript, '--restart'], { timeout: 120_000 });
}
