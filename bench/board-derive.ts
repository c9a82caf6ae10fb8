/**
 * What the board derives per patch, without a browser: the layout, the nodes and edges, and the
 * merge into React Flow's node state, as the board runs them (issue 13: per patch the browser must
 * work in proportion to what changed). Synthetic topologies (no engine), 200 patches each through
 * the core's `apply`: connects, disconnects, and a container stopped or started.
 *
 *   npx tsx --conditions=source bench/board-derive.ts
 */
import { performance } from 'node:perf_hooks';
import { apply, endpointKey, type Container, type Endpoint, type Patch, type PatchOp, type Topology } from '@bridgeboard/topology';
import { build, ctr, net } from '../packages/topology/test/hand-built.js';
import { spread } from './stats.js';
import { columnGroup, ms, renderTable } from './table.js';

/**
 * The board's own pure functions, from the web app's source (tsx compiles them as Vite does). Loaded
 * by a path tsc does not follow: they import the board's .tsx types, which the root tsconfig (no
 * JSX) cannot check; the web app's own tsc checks them. Typed here as far as the bench uses them.
 */
type Layout = object;
type Node = { id: string };
interface Board {
  layoutBoard: (t: Topology, prev?: Layout) => Layout;
  boardElements: (inputs: object, cache: object) => { nodes: Node[]; edges: object[] };
  mergeNodes: (prev: Node[], computed: Node[], before: Node[], previousLayout: Layout, layout: Layout) => Node[];
  createElementCache: () => object;
  recordPatch: (before: Topology, after: Topology, patch: Patch) => void;
}
const web = '../apps/web/src/features/';
const load = async (file: string): Promise<Partial<Board>> => (await import(`${web}${file}.ts`)) as Partial<Board>;
const modules = await Promise.all(
  ['board/layout', 'board/board-elements', 'board/merge-nodes', 'board/element-cache', 'topology/patch-lineage'].map(load),
);
const { layoutBoard, boardElements, mergeNodes, createElementCache, recordPatch } = Object.assign({}, ...modules) as Board;

const SIZES: [containers: number, networks: number][] = [
  [100, 20],
  [2000, 200],
  [10000, 1000],
];
const PATCHES = 200;
const WARM_UP = 20;

/** Containers over user-defined bridges, each on two; every tenth on the default bridge. */
function topologyOf(containers: number, networks: number): Topology {
  const nets = [net('bridge', {}, '172.17.0.0/16'), ...Array.from({ length: networks }, (_, n) => net(`net${n}`))];
  const all: Container[] = [];
  const links: [string, string, Partial<Endpoint>][] = [];
  for (let i = 0; i < containers; i++) {
    const name = `ctr${i}`;
    const legacy = i % 10 === 0;
    all.push(ctr(name, { networkMode: legacy ? { kind: 'bridge' } : { kind: 'network', network: `net${i % networks}` } }));
    const on = legacy ? ['bridge'] : [`net${i % networks}`, `net${(i * 7 + 3) % networks}`];
    for (const n of new Set(on)) links.push([n, name, { endpointId: `e-${name}-${n}`, ipv4: `10.0.${i >> 8}.${i & 255}` }]);
  }
  return build(nets, all, links);
}

/** A seeded generator, so before and after run the same patches. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The next realistic patch: a connect, a disconnect, or a container stopped or started with its links. */
function nextPatch(t: Topology, next: () => number, networks: number): Patch {
  const ids = Object.keys(t.containers);
  const c = t.containers[ids[Math.floor(next() * ids.length)] ?? ''] as Container;
  const kind = next();
  const ops: PatchOp[] = [];
  if (kind < 0.4) {
    const networkId = `net-net${Math.floor(next() * networks)}`;
    const key = endpointKey(networkId, c.id);
    if (t.endpoints[key]) ops.push({ op: 'del', kind: 'endpoints', key });
    else ops.push({ op: 'put', kind: 'endpoints', key, value: endpointOf(networkId, c.id, true) });
  } else if (kind < 0.8) {
    const mine = Object.entries(t.endpoints).filter(([, e]) => e.containerId === c.id);
    const [key] = mine[Math.floor(next() * mine.length)] ?? [];
    if (key) ops.push({ op: 'del', kind: 'endpoints', key });
  } else {
    const running = c.state !== 'running';
    ops.push({ op: 'put', kind: 'containers', key: c.id, value: { ...c, state: running ? 'running' : 'exited' } });
    for (const [key, e] of Object.entries(t.endpoints))
      if (e.containerId === c.id) ops.push({ op: 'put', kind: 'endpoints', key, value: endpointOf(e.networkId, c.id, running) });
  }
  return { rev: t.rev + 1, ops };
}

function endpointOf(networkId: string, containerId: string, running: boolean): Endpoint {
  return {
    networkId,
    containerId,
    endpointId: running ? `e-${containerId}-${networkId}` : '',
    ipv4: running ? '10.9.0.2' : null,
    ipv4PrefixLen: running ? 16 : null,
    ipv6: null,
    mac: null,
    gateway: null,
    aliases: [],
    dnsNames: [],
    ipamConfig: { ipv4: null, ipv6: null },
  };
}

const pending = { connecting: new Set<string>(), disconnecting: new Set<string>() };
const onRemove = () => undefined;

function run(containers: number, networks: number): string[] {
  let t = topologyOf(containers, networks);
  const cache = createElementCache();
  let layout = layoutBoard(t);
  let computed = boardElements(
    { topology: t, layout, pending, matches: null, selectedId: null, reach: null, canConnect: true, onRemove },
    cache,
  );
  let nodes = mergeNodes([], computed.nodes, [], layout, layout);
  const next = random(13);
  const times: number[] = [];
  for (let i = 0; i < WARM_UP + PATCHES; i++) {
    const patch = nextPatch(t, next, networks);
    const before = t;
    t = apply(t, patch);
    recordPatch(before, t, patch); // as use-topology-sync.ts does
    const start = performance.now();
    const previous = { layout, nodes: computed.nodes };
    layout = layoutBoard(t, layout);
    computed = boardElements(
      { topology: t, layout, pending, matches: null, selectedId: null, reach: null, canConnect: true, onRemove },
      cache,
    );
    nodes = mergeNodes(nodes, computed.nodes, previous.nodes, previous.layout, layout);
    if (i >= WARM_UP) times.push(performance.now() - start);
  }
  const s = spread(times);
  return [String(containers), String(networks), String(Object.keys(t.endpoints).length), ms(s.p50), ms(s.p95), ms(s.max)];
}

const rows = SIZES.map(([containers, networks]) => run(containers, networks));
console.log(
  renderTable(
    [...columnGroup('board', ['containers', 'networks', 'links']), ...columnGroup(`${PATCHES} patches: derive, ms`, ['p50', 'p95', 'max'])],
    rows,
  ),
);
