import { describe, expect, it } from 'vitest';
import { checkCredentials } from './check-credentials';

describe('checkCredentials', () => {
  it('accepts what the contract accepts', () => {
    expect(checkCredentials({ username: 'alice.ops-2', password: 'x'.repeat(10) })).toEqual({});
  });
  it('refuses upper case, a leading digit and one-letter names', () => {
    for (const username of ['Alice', '1alice', 'a', 'al ice', 'a'.repeat(33)]) {
      expect(checkCredentials({ username }).username).toBeDefined();
    }
  });
  it('asks for a long enough password', () => {
    expect(checkCredentials({ password: 'short' }).password).toBe('at least 10 characters');
  });
  it('checks only the fields given', () => {
    expect(checkCredentials({ password: 'long enough pass' })).toEqual({});
  });
});
