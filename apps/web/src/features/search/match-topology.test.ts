import { describe, expect, it } from 'vitest';
import { fromEngine, type EngineContainer, type EngineNetwork } from '@bridgeboard/topology';
import fixture from '@bridgeboard/topology/fixtures/engine-1.41.json';
import { matchTopology } from './match-topology';

const fx = fixture as unknown as { networksList: EngineNetwork[]; containersInspect: EngineContainer[] };
const t = fromEngine(fx.networksList, fx.containersInspect);
const names = (ids: Set<string> | null) =>
  ids === null ? null : [...ids].map((id) => t.networks[id]?.name ?? t.containers[id]?.name).sort();

describe('matchTopology', () => {
  it('matches nothing away when the query is empty', () => {
    expect(matchTopology(t, '  ')).toBeNull();
  });
  it('lights a network and the containers on it', () => {
    expect(names(matchTopology(t, 'appnet'))).toEqual(['appnet', 'db', 'web']);
  });
  it('matches labels by key and by key=value', () => {
    expect(names(matchTopology(t, 'team=ops'))).toContain('fx-mtu');
    expect(names(matchTopology(t, 'team=dev'))).toEqual([]);
    expect(names(matchTopology(t, 'bridgeboard.demo'))).toContain('legacy-web');
  });
});
