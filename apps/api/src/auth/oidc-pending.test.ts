import { describe, expect, it } from 'vitest';
import { PENDING_TTL_MS, PendingLogins } from './oidc-pending.js';

const login = { codeVerifier: 'v', nonce: 'n', browser: 'b' };

describe('PendingLogins', () => {
  it('gives a state back once', () => {
    const pending = new PendingLogins();
    pending.add('s1', login);
    expect(pending.take('s1')).toMatchObject(login);
    expect(pending.take('s1')).toBeNull();
    expect(pending.take('never-given')).toBeNull();
  });
  it('forgets a state after ten minutes', () => {
    let now = 0;
    const pending = new PendingLogins(() => now);
    pending.add('s1', login);
    now = PENDING_TTL_MS;
    expect(pending.take('s1')).toBeNull();
  });
});
