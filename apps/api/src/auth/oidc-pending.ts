import { sha256 } from './secrets.js';

/** A sign-in on its way through the provider: what the callback must check it against. */
export interface PendingLogin {
  codeVerifier: string;
  nonce: string;
  /** The hash of the secret in this browser's `bb_oidc` cookie: a state is good only in the browser that started it. */
  browser: string;
  expiresAt: number;
}

/** How long a user may take at the provider's pages. */
export const PENDING_TTL_MS = 10 * 60_000;
/** Past this many sign-ins in flight, /start is refused: the map must not grow for ever (the route's rate limit comes first). */
const PENDING_MAX = 10_000;

/**
 * Sign-ins started and not yet finished, by the hash of their `state`. Kept in memory, server-side:
 * the verifier and nonce never reach the browser, and `take` removes the entry whatever comes next,
 * so a state (and the code it came back with) is good once. A restart forgets them: whoever was
 * at the provider's page starts again.
 */
export class PendingLogins {
  private readonly pending = new Map<string, PendingLogin>();

  constructor(private readonly now: () => number = Date.now) {}

  /** False when too many are in flight. */
  add(state: string, login: Omit<PendingLogin, 'expiresAt'>): boolean {
    this.sweep();
    if (this.pending.size >= PENDING_MAX) return false;
    this.pending.set(sha256(state), { ...login, expiresAt: this.now() + PENDING_TTL_MS });
    return true;
  }

  /** The sign-in `state` names, once; null when unknown, used or expired. */
  take(state: string): PendingLogin | null {
    const key = sha256(state);
    const login = this.pending.get(key);
    this.pending.delete(key);
    return login && login.expiresAt > this.now() ? login : null;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, login] of this.pending) if (login.expiresAt <= now) this.pending.delete(key);
  }
}
