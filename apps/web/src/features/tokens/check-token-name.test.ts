import { describe, expect, it } from 'vitest';
import { TokenName } from '@bridgeboard/contract';
import { checkTokenName } from './check-token-name';

describe('checkTokenName', () => {
  it('accepts script-like names', () => {
    expect(checkTokenName('CI deploy-bot_1.0')).toBeNull();
  });
  it('refuses empty, leading punctuation and long names', () => {
    for (const name of ['', ' ci', '-ci', 'x'.repeat(65), 'a/b']) expect(checkTokenName(name)).not.toBeNull();
  });
  it('keeps the contract’s pattern', () => {
    expect((TokenName as { pattern?: string }).pattern).toBe('^[a-zA-Z0-9][a-zA-Z0-9 _.-]{0,63}$');
  });
});
