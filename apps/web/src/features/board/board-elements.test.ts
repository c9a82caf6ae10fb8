import { describe, expect, it } from 'vitest';
import { apply, endpointKey, fromEngine, type EngineContainer, type EngineNetwork, type Topology } from '@bridgeboard/topology';
import fixture from '@bridgeboard/topology/fixtures/reachability-1.41.json';
import { reachFrom } from '../reachability/reach-from';
import { boardElements, type ElementInputs } from './board-elements';
import { createElementCache } from './element-cache';
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

describe('boardElements from one patch to the next', () => {
  const cache = createElementCache();
  // One board: the same callbacks and pending sets from one render to the next.
  const shared = inputs({});
  const view = (topology: Topology, layout = layoutBoard(topology)) => ({ ...shared, topology, layout });
  const before = layoutBoard(t);
  const first = boardElements(view(t, before), cache);
  const db = t.containers[id('db')];
  if (!db) throw new Error('no db');
  // A patch that stops db: one container and its links change, nothing else.
  const stopped = apply(t, {
    rev: t.rev + 1,
    ops: [
      { op: 'put', kind: 'containers', key: db.id, value: { ...db, state: 'exited' } },
      ...Object.entries(t.endpoints)
        .filter(([, e]) => e.containerId === db.id)
        .map(([key, e]) => ({ op: 'put' as const, kind: 'endpoints' as const, key, value: { ...e, endpointId: '', ipv4: null } })),
    ],
  });
  const second = boardElements(view(stopped, layoutBoard(stopped, before)), cache);
  const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
  const dbLinks = new Set(Object.keys(t.endpoints).filter((key) => key.endsWith(`/${db.id}`)));
  const dbNetworks = new Set(
    Object.values(t.endpoints)
      .filter((e) => e.containerId === db.id)
      .map((e) => e.networkId),
  );

  it('gives the changed container, its links and its bridges (their counts) new objects', () => {
    const old = byId(first.nodes);
    const chip = second.nodes.find((n) => n.id === db.id);
    expect(chip).not.toBe(old.get(db.id));
    expect(chip?.type === 'container' && chip.data.container.state).toBe('exited');
    const oldEdges = byId(first.edges);
    for (const e of second.edges) if (dbLinks.has(e.id)) expect(e).not.toBe(oldEdges.get(e.id));
    for (const n of second.nodes) if (dbNetworks.has(n.id)) expect(n).not.toBe(old.get(n.id));
  });

  it('keeps every other node and edge the very same object', () => {
    const old = byId(first.nodes);
    const untouched = second.nodes.filter((n) => n.id !== db.id && !dbNetworks.has(n.id));
    expect(untouched.length).toBeGreaterThan(5);
    for (const n of untouched) expect(n, n.id).toBe(old.get(n.id));
    const oldEdges = byId(first.edges);
    const others = second.edges.filter((e) => !dbLinks.has(e.id));
    expect(others.length).toBeGreaterThan(3);
    for (const e of others) expect(e, e.id).toBe(oldEdges.get(e.id));
  });

  it('says the same as elements made from scratch', () => {
    const scratch = boardElements(view(stopped, layoutBoard(stopped, before)));
    const strip = (list: { id: string; data?: unknown }[]) =>
      list.map((x) => JSON.stringify(x, (k, v: unknown) => (typeof v === 'function' ? 'fn' : v))).sort();
    expect(strip(second.nodes)).toEqual(strip(scratch.nodes));
    expect(strip(second.edges)).toEqual(strip(scratch.edges));
  });

  it('counts on each bridge its links by state', () => {
    const bridge = second.nodes.find((n) => n.type === 'bridge' && n.id === net('bbreach-back'));
    const links = Object.values(stopped.endpoints).filter((e) => e.networkId === net('bbreach-back'));
    const running = links.filter((e) => stopped.containers[e.containerId]?.state === 'running').length;
    expect(bridge?.type === 'bridge' && bridge.data.attached).toEqual({ running, stopped: links.length - running });
  });
});
