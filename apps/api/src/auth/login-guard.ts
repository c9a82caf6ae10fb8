/**
 * Failed sign-ins per (name, client address). After `maxAttempts` failures inside the window,
 * every attempt — the right password too — is refused until the window that began with the first
 * failure ends. Keyed by address as well as name so that a stranger cannot lock a user out from
 * elsewhere; the per-address rate limit on the route bounds guessing across names.
 */
const SWEEP_AT = 10_000;

export class LoginGuard {
  private readonly failures = new Map<string, { count: number; until: number }>();

  constructor(
    private readonly maxAttempts: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until `key` may try again, or 0. */
  retryAfter(key: string): number {
    const entry = this.live(key);
    return entry && entry.count >= this.maxAttempts ? entry.until - this.now() : 0;
  }

  fail(key: string): void {
    // Random names from many addresses must not grow the map for ever: forget windows that ended.
    if (this.failures.size >= SWEEP_AT) for (const k of [...this.failures.keys()]) this.live(k);
    const entry = this.live(key) ?? { count: 0, until: this.now() + this.windowMs };
    entry.count += 1;
    this.failures.set(key, entry);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }

  private live(key: string) {
    const entry = this.failures.get(key);
    if (entry && entry.until <= this.now()) {
      this.failures.delete(key);
      return undefined;
    }
    return entry;
  }
}
