import { describe, expect, it } from 'vitest';
import { endpointKey, fromEngine, type EngineContainer, type EngineNetwork } from '@bridgeboard/topology';
import fixture from '@bridgeboard/topology/fixtures/reachability-1.41.json';
import { reachFrom } from '../reachability/reach-from';
import { boardElements, type ElementInputs } from './board-elements';
import type { EndpointEdgeType } from './endpoint-edge';
import { layoutBoard } from './layout';

const fx = fixture as unknown as { networksList: EngineNetwork[]; containersInspect: EngineContainer[] };
const t = fromEngine(fx.networksList, fx.containersInspect);
const id = (name: string) => Object.values(t.containers).find((c) => c.name === `bbreach-${name}`)?.id ?? '';
const net = (name: string) => Object.values(t.networks).find((n) => n.name === name)?.id ?? '';

const inputs = (over: Partial<ElementInputs>): ElementInputs => ({
  topology: t,
  layout: layoutBoard(t),
  pending: { connecting: new Set(), disconnecting: new Set() },
  matches: null,
  selectedId: null,
  reach: null,
  canConnect: true,
  onRemove: () => undefined,
  ...over,
});

describe('boardElements with the reach-from view', () => {
  const { nodes, edges } = boardElements(inputs({ selectedId: id('api'), reach: reachFrom(t, id('api')) }));
  const node = (nodeId: string) => nodes.find((n) => n.id === nodeId);
  const edge = (key: string) => edges.find((e) => e.id === key) as EndpointEdgeType | undefined;

  it('gives each chip its mark, and its verdict as the label read on focus', () => {
    const db = node(id('db'));
    expect(db?.type === 'container' && db.data.reach?.mark).toBe('name');
    expect(db?.ariaLabel).toMatch(/^bbreach-db: by name from bbreach-api\. bbreach-api reaches bbreach-db by name/);
    const none = node(id('none'));
    expect(none?.type === 'container' && none.data.reach?.mark).toBe('none');
  });

  it('dims bridges and links no reachable path uses, and only those', () => {
    expect(node(net('bbreach-back'))?.data.dimmed).toBe(false);
    expect(node(net('bbreach-quiet'))?.data.dimmed).toBe(true);
    expect(edge(endpointKey(net('bbreach-back'), id('db')))?.data?.dimmed).toBe(false);
    expect(edge(endpointKey(net('bbreach-quiet'), id('quiet-a')))?.data?.dimmed).toBe(true);
  });

  it('marks nothing and dims nothing while the view is off', () => {
    const off = boardElements(inputs({ selectedId: id('api') }));
    expect(off.nodes.every((n) => !n.data.dimmed && (n.type !== 'container' || n.data.reach === null))).toBe(true);
  });
});
