/**
 * The reachability core's cost, as the board pays it: `reachability(t, { from })` runs in the
 * browser each time a container is selected or a patch arrives while one is, and the matrix runs
 * all pairs of a scope. Pure CPU on synthetic topologies (no engine): containers spread over 20
 * user-defined networks, each on two of them, a tenth on the default bridge with a --link.
 *
 *   npx tsx --conditions=source bench/reachability.ts
 */
import { performance } from 'node:perf_hooks';
import { reachability, type Container, type Topology } from '@bridgeboard/topology';
import { build, ctr, net } from '../packages/topology/test/hand-built.js';
import { median } from './stats.js';
import { columnGroup, fixed, renderTable } from './table.js';

const SIZES = [100, 300, 700, 2000];
const NETWORKS = 20;

/** Containers over NETWORKS user-defined bridges, each on two; every tenth on the default bridge, --linked to the one before. */
function topologyOf(containers: number): Topology {
  const networks = [
    net('bridge', {}, '172.17.0.0/16'),
    ...Array.from({ length: NETWORKS }, (_, n) => net(`net${n}`, {}, `10.${n}.0.0/16`)),
  ];
  const all: Container[] = [];
  const attachments: [string, string, { endpointId: string; ipv4: string }][] = [];
  for (let i = 0; i < containers; i++) {
    const legacy = i % 10 === 0;
    const name = `ctr${i}`;
    all.push(
      ctr(name, {
        networkMode: legacy ? { kind: 'bridge' } : { kind: 'network', network: `net${i % NETWORKS}` },
        links: legacy && i > 0 ? [{ container: `ctr${i - 10}`, alias: 'peer' }] : [],
      }),
    );
    const host = `${Math.floor(i / 250)}.${(i % 250) + 2}`;
    const nets = legacy
      ? [['bridge', `172.17.${host}`]]
      : [i % NETWORKS, (i * 7 + 3) % NETWORKS].map((n) => [`net${n}`, `10.${n}.${host}`]);
    for (const [network = '', ipv4 = ''] of nets) attachments.push([network, name, { endpointId: `e-${name}-${network}`, ipv4 }]);
  }
  return build(networks, all, attachments);
}

function timed(runs: number, work: () => unknown): number {
  work(); // warm up
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    ms.push(performance.now() - start);
  }
  return median(ms);
}

const rows = SIZES.map((size) => {
  const t = topologyOf(size);
  const fromOne = timed(9, () => reachability(t, { from: 'ctr5' }));
  // All pairs is what the matrix asks of one scope; past a few hundred the page asks for a narrower one.
  const allPairs = size <= 700 ? timed(3, () => reachability(t)) : NaN;
  return [String(size), String(size * (size - 1)), fixed(fromOne, 2), fixed(allPairs, 0)];
});

console.log(
  renderTable(
    [...columnGroup('containers', ['n', 'pairs']), ...columnGroup('from one (board)', ['p50 ms']), ...columnGroup('all pairs', ['p50 ms'])],
    rows,
  ),
);
