import { describe, expect, it } from 'vitest';
import { LoginGuard } from './login-guard.js';

describe('LoginGuard', () => {
  it('locks a key after the allowed failures until the window ends, then forgets it', () => {
    let now = 1_000;
    const guard = new LoginGuard(3, 60_000, () => now);
    for (let i = 0; i < 2; i++) guard.fail('alice@1.2.3.4');
    expect(guard.retryAfter('alice@1.2.3.4')).toBe(0);
    guard.fail('alice@1.2.3.4');
    expect(guard.retryAfter('alice@1.2.3.4')).toBe(60_000);
    expect(guard.retryAfter('alice@5.6.7.8')).toBe(0);
    now += 59_999;
    expect(guard.retryAfter('alice@1.2.3.4')).toBe(1);
    now += 1;
    expect(guard.retryAfter('alice@1.2.3.4')).toBe(0);
  });

  it('a success clears the count', () => {
    const guard = new LoginGuard(2, 60_000, () => 0);
    guard.fail('k');
    guard.succeed('k');
    guard.fail('k');
    expect(guard.retryAfter('k')).toBe(0);
  });
});
