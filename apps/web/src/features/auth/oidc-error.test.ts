import { describe, expect, it } from 'vitest';
import { OIDC_ERROR_CODES } from '@bridgeboard/contract';
import { oidcErrorSentence } from './oidc-error';

describe('oidcErrorSentence', () => {
  it('says each code the server sends in words, and nothing without one', () => {
    for (const code of OIDC_ERROR_CODES) expect(oidcErrorSentence(`?error=${code}`)).toMatch(/\w+.*\./);
    expect(oidcErrorSentence('?error=no-role')).toMatch(/no group/);
    expect(oidcErrorSentence('')).toBeNull();
  });
  it('says something plain for a code it does not know, and never an inherited name', () => {
    expect(oidcErrorSentence('?error=constructor')).toBe('Single sign-on failed.');
  });
});
