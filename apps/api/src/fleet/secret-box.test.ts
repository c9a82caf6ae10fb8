import { describe, expect, it } from 'vitest';
import { SecretBox } from './secret-box.js';

describe('SecretBox', () => {
  const box = new SecretBox('a key the operator chose, long enough');
  it('opens what it sealed, and the sealed text holds none of it', () => {
    const secret = '-----BEGIN PRIVATE KEY-----\nMIIE…\n-----END PRIVATE KEY-----';
    const sealed = box.seal(secret);
    expect(sealed).not.toContain('PRIVATE');
    expect(sealed).toMatch(/^v1:/);
    expect(box.open(sealed)).toBe(secret);
  });
  it('seals the same text differently each time (a salt and an IV per secret)', () => {
    expect(box.seal('same')).not.toBe(box.seal('same'));
  });
  it('refuses another key and a tampered text, never misreads them', () => {
    const sealed = box.seal('secret');
    expect(() => new SecretBox('another key, just as long as that').open(sealed)).toThrow(/BRIDGEBOARD_SECRET_KEY/);
    const parts = sealed.split(':');
    parts[4] = Buffer.from('other').toString('base64url');
    expect(() => box.open(parts.join(':'))).toThrow(/BRIDGEBOARD_SECRET_KEY/);
  });
});
