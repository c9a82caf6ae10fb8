/**
 * The reachability core's cost, as the board pays it: `reachability(t, { from })` runs in the
 * browser each time a container is selected or a patch arrives while one is, and the matrix runs
 * all pairs of a scope. Pure CPU on synthetic topologies (no engine): containers spread over 20
 * user-defined networks, each on two of them, a tenth on the default bridge with a --link.
 *
 *   npx tsx --conditions=source bench/reachability.ts
 */
import { performance } from 'node:perf_hooks';
import { emptyTopology, reachability, type Container, type Network, type Topology } from '@bridgeboard/topology';
import { median } from './stats.js';
import { columnGroup, fixed, renderTable } from './table.js';

const SIZES = [100, 300, 700, 2000];
const NETWORKS = 20;

function network(id: string, name: string, subnet: string, gateway: string): Network {
  return {
    id,
    name,
    driver: 'bridge',
    scope: 'local',
    internal: false,
    attachable: false,
    ingress: false,
    enableIPv6: false,
    ipam: { driver: 'default', config: [{ subnet, gateway, ipRange: null, auxAddresses: {} }], options: {} },
    options: {},
    labels: {},
    created: '',
    system: name === 'bridge',
    hostInterface: null,
  };
}

function topologyOf(containers: number): Topology {
  const t = emptyTopology();
  t.networks.bridge = network('bridge', 'bridge', '172.17.0.0/16', '172.17.0.1');
  for (let n = 0; n < NETWORKS; n++) t.networks[`n${n}`] = network(`n${n}`, `net${n}`, `10.${n}.0.0/16`, `10.${n}.0.1`);
  for (let i = 0; i < containers; i++) {
    const legacy = i % 10 === 0;
    const c: Container = {
      id: `c${i}`,
      name: `ctr${i}`,
      image: 'bench',
      state: 'running',
      networkMode: legacy ? { kind: 'bridge' } : { kind: 'network', network: `net${i % NETWORKS}` },
      privileged: false,
      ports: [],
      links: legacy && i > 0 ? [{ container: `ctr${i - 10}`, alias: 'peer' }] : [],
      labels: {},
      composeProject: null,
      created: '',
    };
    t.containers[c.id] = c;
    const nets = legacy ? ['bridge'] : [`n${i % NETWORKS}`, `n${(i * 7 + 3) % NETWORKS}`];
    for (const [k, n] of nets.entries()) {
      const third = Math.floor(i / 250);
      t.endpoints[`${n}/${c.id}`] = {
        networkId: n,
        containerId: c.id,
        endpointId: `e${i}-${k}`,
        ipv4: n === 'bridge' ? `172.17.${third}.${(i % 250) + 2}` : `10.${n.slice(1)}.${third}.${(i % 250) + 2}`,
        ipv4PrefixLen: 16,
        ipv6: null,
        mac: null,
        gateway: null,
        aliases: [],
        dnsNames: [],
        ipamConfig: { ipv4: null, ipv6: null },
      };
    }
  }
  return t;
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
