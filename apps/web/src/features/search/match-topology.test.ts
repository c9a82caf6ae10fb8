import { describe, expect, it } from 'vitest';
import { fromEngine, type EngineContainer, type EngineNetwork } from '@bridgeboard/topology';
import fixture from '@bridgeboard/topology/fixtures/engine-1.41.json';
import { boardElements } from '../board/board-elements';
import { layoutBoard } from '../board/layout';
import { managerTopology } from '../swarm/swarm-fixture';
import { matchTopology, searchHits } from './match-topology';

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

describe('matchTopology on a swarm node', () => {
  const manager = managerTopology();
  const lit = (query: string) =>
    boardElements({
      topology: manager,
      layout: layoutBoard(manager),
      pending: { connecting: new Set(), disconnecting: new Set() },
      matches: matchTopology(manager, query),
      selectedId: null,
      reach: null,
      canConnect: true,
      onRemove: () => undefined,
    }).nodes.flatMap((n) => (n.type === 'member' && !n.data.dimmed ? [n.data.name] : []));

  it('finds a member on another node by its name, as a member', () => {
    expect(searchHits(manager, 'fx-b')?.map((h) => [h.kind, h.name])).toEqual([['member', 'fx-b']]);
    expect(searchHits(manager, 'fx-web.2')?.map((h) => [h.kind, h.name])).toEqual([['member', 'fx-web.2']]);
  });

  it('lights that member’s chip on the board and leaves the others on its overlay dimmed', () => {
    expect(lit('fx-b')).toEqual(['fx-b']);
    expect(lit('fx-web.2')).toEqual(['fx-web.2']);
    // Naming the overlay lights every member on it, as it lights its containers.
    expect(lit('fx-ov').sort()).toEqual(['fx-b', 'fx-web.2']);
    expect(lit('nothing-here')).toEqual([]);
  });
});
