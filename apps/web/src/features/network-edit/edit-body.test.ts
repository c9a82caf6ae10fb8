import { describe, expect, it } from 'vitest';
import { editBodyOf } from './edit-body';

describe('editBodyOf', () => {
  it('keeps an explicit ICC and masquerade "true" the form leaves out as the default', () => {
    const original = { name: 'app', options: { icc: true, ipMasquerade: true, mtu: 1500 } };
    expect(editBodyOf({ name: 'app', options: { mtu: 1400 } }, original)).toEqual({
      name: 'app',
      options: { mtu: 1400, icc: true, ipMasquerade: true },
    });
  });
  it('sends a switch turned off as off, and adds nothing the network did not state', () => {
    expect(editBodyOf({ name: 'app', options: { icc: false } }, { name: 'app', options: { icc: true } })).toEqual({
      name: 'app',
      options: { icc: false },
    });
    expect(editBodyOf({ name: 'app' }, { name: 'app' })).toEqual({ name: 'app' });
  });
});
