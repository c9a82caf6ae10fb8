import { describe, expect, it } from 'vitest';
import { connectRefusal, findContainer, findNetwork, fromEngine } from '../src/index.js';
import { loadFixture } from './fixtures.js';

const fx = loadFixture('1.41');
const t = fromEngine(fx.networksList, fx.containersInspect);
const refusal = (network: string, container: string) => {
  const n = findNetwork(t, network);
  const c = findContainer(t, container);
  if (!n || !c) throw new Error(`fixture lacks ${network} or ${container}`);
  return connectRefusal(t, n, c);
};

describe('connectRefusal', () => {
  it('allows a bridge-mode container onto a user-defined network it is not on', () => {
    expect(refusal('appnet', 'legacy-web')).toBeNull();
    expect(refusal('fx-mtu', 'db')).toBeNull();
  });
  it('refuses the host and none networks', () => {
    expect(refusal('host', 'db')).toMatch(/host mode/);
    expect(refusal('none', 'db')).toMatch(/none mode/);
  });
  it('refuses host-, none- and container:-mode containers', () => {
    expect(refusal('appnet', 'host-mode')).toMatch(/runs in host mode/);
    expect(refusal('appnet', 'isolated')).toMatch(/runs in none mode/);
    expect(refusal('appnet', 'web-sidecar')).toMatch(/container: mode/);
  });
  it('refuses a network the container is already on', () => {
    expect(refusal('appnet', 'web')).toMatch(/already connected/);
  });
});
