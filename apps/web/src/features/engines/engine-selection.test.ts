import { describe, expect, it } from 'vitest';
import type { EngineSummary } from '@bridgeboard/contract';
import { firstEngine } from './engine-selection';

const engine = (id: string): EngineSummary => ({
  id,
  name: id,
  endpoint: { kind: 'socket', address: 'unix:///var/run/docker.sock', tls: false },
  source: 'admin',
  status: { reachable: true, version: null, apiVersion: null },
  rev: 1,
  swarm: null,
});

describe('firstEngine', () => {
  it('is the default engine while it is listed, or before the list is known', () => {
    expect(firstEngine(undefined)).toBe('local');
    expect(firstEngine([])).toBe('local');
    expect(firstEngine([engine('staging'), engine('local')])).toBe('local');
  });
  it('is the first engine listed when the user has no access to the default one (the server leaves it out)', () => {
    expect(firstEngine([engine('staging'), engine('prod')])).toBe('staging');
  });
});
