/** What the two sign-in and rights benches (sso-signin.ts, grant-checks.ts) share. */
import { createServer } from 'node:net';
import { progressLog } from './progress.js';

/** Every account, group, token and network they make is named so. */
export const AUTH_PREFIX = 'bbauthbench-';

export const progress = progressLog('auth-bench');

/** A whole number ≥ 0 from the environment, or `fallback`. */
export function countFrom(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number ≥ 0 (got '${raw}')`);
  return n;
}

/**
 * A free port on 127.0.0.1, for an app that must know its own URL before it starts (PUBLIC_URL,
 * and the provider's registered redirect URI).
 */
export async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
