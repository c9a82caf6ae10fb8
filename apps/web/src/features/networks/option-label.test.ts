import { describe, expect, it } from 'vitest';
import { optionLabel } from './option-label';

describe('optionLabel', () => {
  it('names the options Docker documents in plain words', () => {
    expect(optionLabel('com.docker.network.driver.mtu')).toBe('MTU');
    expect(optionLabel('com.docker.network.bridge.enable_icc')).toBe('ICC (container ↔ container)');
  });

  it('shows any other key as it is', () => {
    expect(optionLabel('com.example.vendor.flag')).toBe('com.example.vendor.flag');
  });

  // `docker network create -o constructor=1 -o toString=x n` is accepted and kept by the engine.
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])('shows the key %s as it is', (key) => {
    expect(optionLabel(key)).toBe(key);
  });
});
