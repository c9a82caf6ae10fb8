import { describe, expect, it } from 'vitest';
import { boardLink } from './board-link';
import { engines, topologies } from './fleet-fixture';
import { fleetSearch } from './fleet-search';

const t = topologies();
const flat = (groups: ReturnType<typeof fleetSearch>) => groups?.map((g) => [g.engine, g.hits.map((h) => [h.kind, h.name, h.to])]);

describe('search across engines', () => {
  it('finds nothing away for an empty query', () => {
    expect(fleetSearch({ engines: [engines.node1], topologies: t }, ' ')).toBeNull();
  });

  it('groups hits by engine, each linked to that engine’s board with the object selected', () => {
    const found = fleetSearch({ engines: [engines.local, engines.node1, engines.node2], topologies: t }, 'fx-');
    expect(found?.map((g) => g.engine)).toEqual(['local', 'node1', 'node2']);
    expect(flat(found)?.[0]?.[1]).toContainEqual(['network', 'fx-mtu', '/networks/fx-mtu?engine=local']);
    expect(flat(found)?.slice(1)).toEqual([
      [
        'node1',
        [
          ['network', 'fx-ov', '/networks/fx-ov?engine=node1'],
          ['container', 'fx-web.1.vw7m2akrt42v3zyblpi0v5ogk', '/containers/fx-web.1.vw7m2akrt42v3zyblpi0v5ogk?engine=node1'],
          ['container', 'fx-a', '/containers/fx-a?engine=node1'],
        ],
      ],
      [
        'node2',
        [
          ['network', 'fx-ov', '/networks/fx-ov?engine=node2'],
          ['container', 'fx-web.2.wy80bapbi2hiu95qo3ewf5cqz', '/containers/fx-web.2.wy80bapbi2hiu95qo3ewf5cqz?engine=node2'],
          ['container', 'fx-b', '/containers/fx-b?engine=node2'],
        ],
      ],
    ]);
  });

  it('finds a member on a node that is no engine here, once, linked to its overlay where its chip hangs', () => {
    const found = fleetSearch({ engines: [engines.node1], topologies: { node1: t.node1 } }, 'fx-b');
    expect(found).toEqual([
      {
        engine: 'node1',
        name: 'node1',
        hits: [{ kind: 'member', name: 'fx-b', detail: 'on bb-node-2 · fx-ov', to: '/networks/fx-ov?engine=node1' }],
      },
    ]);
  });

  it('lists a member under its own engine only, as the container it is there', () => {
    const found = fleetSearch({ engines: [engines.node1, engines.node2], topologies: t }, 'fx-b');
    expect(flat(found)).toEqual([['node2', [['container', 'fx-b', '/containers/fx-b?engine=node2']]]]);
  });

  it('names the engine in every link, the default one too (else the board shows the one this tab showed last)', () => {
    expect(boardLink('local', { kind: 'container', name: 'a b' })).toBe('/containers/a%20b?engine=local');
  });
});
