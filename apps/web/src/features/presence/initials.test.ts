import { describe, expect, it } from 'vitest';
import { initials } from './initials';

describe('initials', () => {
  it('takes the first two letters of a one-part name', () => {
    expect(initials('alice')).toBe('AL');
  });
  it('takes the first letter of the first two parts', () => {
    expect(initials('bob.smith')).toBe('BS');
    expect(initials('ops_team-lead')).toBe('OT');
  });
  it('copes with separators at the edges', () => {
    expect(initials('a.')).toBe('A.');
    expect(initials('x-')).toBe('X-');
  });
});
