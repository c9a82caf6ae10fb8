import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromEngine, type EngineContainer, type EngineNetwork } from '@bridgeboard/topology';
import { targetsOf } from './probe-targets.js';

// The rule-covering stack, recorded from a real engine by reachability-stack.sh --record.
const fx = JSON.parse(
  readFileSync(new URL('../../../../packages/topology/test/fixtures/reachability-1.41.json', import.meta.url), 'utf8'),
) as { networksList: EngineNetwork[]; containersInspect: EngineContainer[] };
const targets = targetsOf(fromEngine(fx.networksList, fx.containersInspect));

describe('what a probe tries for each target, beyond the prediction', () => {
  it('a container on two networks: its name, aliases and DNS names, and its address on each', () => {
    expect(targets('bbreach-api')).toEqual({
      names: ['bbreach-api', 'api', 'bb69a47eec02'],
      addresses: ['10.231.2.2', '10.231.1.3'],
    });
  });

  it('a container:X sharer answers at X’s addresses, under its own name only', () => {
    expect(targets('bbreach-sidecar')).toEqual({ names: ['bbreach-sidecar'], addresses: ['10.231.1.2'] });
  });

  it('a host-mode container answers at the host’s address on every bridge', () => {
    expect(targets('bbreach-host').addresses.sort()).toEqual(['10.231.1.1', '10.231.2.1', '10.231.3.1', '10.231.4.1', '172.17.0.1']);
  });

  it('a stopped container, or one in none mode, has no address: whatever answers there is someone else', () => {
    expect(targets('bbreach-stopped')).toEqual({ names: ['bbreach-stopped', 'cold', '0ff956701d70'], addresses: [] });
    expect(targets('bbreach-none')).toEqual({ names: ['bbreach-none'], addresses: [] });
  });
});
