/**
 * The synthetic topologies the reachability benches and the API's reachability-cache test share: containers spread over 20 user-defined
 * bridges, each on two of them, every tenth on the default bridge with a --link to the one ten
 * before. Built with the core tests' hand-built helpers, so no engine is needed at any size.
 */
import type { Container, Topology } from '@bridgeboard/topology';
import { build, ctr, net } from './hand-built.js';

const NETWORKS = 20;

/** `containers` running containers named `ctr0…`, as described above. */
export function topologyOf(containers: number): Topology {
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
