/**
 * The reachability core's cost, as the board pays it: `reachability(t, { from })` runs in the
 * browser each time a container is selected or a patch arrives while one is, and the matrix runs
 * all pairs of a scope. Pure CPU on synthetic topologies (no engine): containers spread over 20
 * user-defined networks, each on two of them, a tenth on the default bridge with a --link.
 *
 *   npx tsx --conditions=source bench/reachability.ts
 */
import { performance } from 'node:perf_hooks';
import { reachability } from '@bridgeboard/topology';
import { median } from './stats.js';
import { topologyOf } from '../packages/topology/test/synthetic-topology.js';
import { columnGroup, fixed, renderTable } from './table.js';

const SIZES = [100, 300, 700, 2000];

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
  // Every tenth has a --link: its row once scanned every container per pair (0.5 s at 2,000).
  const fromLinked = timed(9, () => reachability(t, { from: 'ctr10' }));
  // All pairs is what the matrix asks of one scope; past a few hundred the page asks for a narrower one.
  const allPairs = size <= 700 ? timed(3, () => reachability(t)) : NaN;
  return [String(size), String(size * (size - 1)), fixed(fromOne, 2), fixed(fromLinked, 2), fixed(allPairs, 0)];
});

console.log(
  renderTable(
    [
      ...columnGroup('containers', ['n', 'pairs']),
      ...columnGroup('from one (board)', ['p50 ms']),
      ...columnGroup('from a --linked one', ['p50 ms']),
      ...columnGroup('all pairs', ['p50 ms']),
    ],
    rows,
  ),
);
