import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emptySwarm, endpointKey, fromEngine, type Container, type Network, type Topology } from '../src/index.js';
import { reachability, type ReachPair } from '../src/reachability.js';
import type { EngineFixture } from './fixtures.js';
import { ctr as handCtr, net as handNet } from './hand-built.js';

// Recorded by fixtures/reachability-stack.sh --record; the verdicts below are what
// `ping -c 1 -W 1` inside each running container of that stack saw (Docker 20.10, API 1.41).
const fx = JSON.parse(readFileSync(new URL('./fixtures/reachability-1.41.json', import.meta.url), 'utf8')) as EngineFixture;
const stack = fromEngine(fx.networksList, fx.containersInspect);
const all = reachability(stack);

function pairIn(pairs: ReachPair[], from: string, to: string): ReachPair {
  const p = pairs.find((x) => x.from === from && x.to === to);
  if (!p) throw new Error(`no pair ${from} -> ${to}`);
  return p;
}
const pair = (from: string, to: string) => pairIn(all, `bbreach-${from}`, `bbreach-${to}`);

/** What the probes saw, per container: whom it reached by name, whom by IP (everyone else: neither). */
const OBSERVED: Record<string, { name: string[]; ip: string[] }> = {
  api: { name: ['db', 'web'], ip: ['db', 'host', 'sidecar', 'web'] },
  db: { name: ['api'], ip: ['api', 'host'] },
  host: { name: [], ip: ['api', 'db', 'int-a', 'int-b', 'legacy-db', 'legacy-web', 'loner', 'quiet-a', 'quiet-b', 'sidecar', 'web'] },
  'int-a': { name: ['int-b'], ip: ['host', 'int-b'] },
  'int-b': { name: ['int-a'], ip: ['host', 'int-a'] },
  'legacy-db': { name: [], ip: ['host', 'legacy-web', 'loner'] },
  'legacy-web': { name: ['legacy-db'], ip: ['host', 'legacy-db', 'loner'] },
  loner: { name: [], ip: ['host', 'legacy-db', 'legacy-web'] },
  none: { name: [], ip: [] },
  'quiet-a': { name: [], ip: ['host'] },
  'quiet-b': { name: [], ip: ['host'] },
  sidecar: { name: ['api', 'web'], ip: ['api', 'host', 'web'] },
  stopped: { name: [], ip: [] },
  web: { name: ['api'], ip: ['api', 'host', 'sidecar'] },
};

describe('reachability on the recorded stack', () => {
  it('covers every ordered pair and matches what the live probes saw for each', () => {
    expect(all).toHaveLength(14 * 13);
    const seen = Object.fromEntries(
      Object.keys(OBSERVED).map((a) => {
        const from = all.filter((p) => p.from === `bbreach-${a}`);
        const short = (ps: ReachPair[]) => ps.map((p) => p.to.replace('bbreach-', '')).sort();
        return [a, { name: short(from.filter((p) => p.byName)), ip: short(from.filter((p) => p.byIp)) }];
      }),
    );
    expect(seen).toEqual(OBSERVED);
  });

  it('a shared user-defined network: name, aliases and IP, through that network', () => {
    expect(pair('api', 'db')).toMatchObject({ byName: true, byIp: true, reason: 'shared-network', networks: ['bbreach-back'] });
    expect(pair('api', 'db').names).toEqual(['bbreach-db', 'store']);
    expect(pair('api', 'web').explanation).toBe("bbreach-api reaches bbreach-web by name and by IP over 'bbreach-front'");
  });

  it('a network-scoped alias does not answer on another network', () => {
    // web shares only bbreach-front with api; `api` is api's alias on bbreach-back.
    const p = pair('web', 'api');
    expect(p).toMatchObject({ byName: true, networks: ['bbreach-front'], names: ['bbreach-api', 'api'] });
    expect(p.addresses).toHaveLength(2);
    expect(pair('web', 'db')).toMatchObject({ byName: false, byIp: false, reason: 'isolated', names: ['bbreach-db', 'store'] });
  });

  it('only the default bridge: IP only, by name only along the --link, one way', () => {
    expect(pair('legacy-web', 'legacy-db')).toMatchObject({ byName: true, byIp: true, reason: 'legacy-link', networks: ['bridge'] });
    expect(pair('legacy-web', 'legacy-db').names).toEqual(['bbreach-legacy-db', 'db']);
    expect(pair('legacy-db', 'legacy-web')).toMatchObject({ byName: false, byIp: true, reason: 'default-bridge' });
    expect(pair('legacy-db', 'legacy-web').names).toEqual(['bbreach-legacy-web']);
    expect(pair('loner', 'legacy-db')).toMatchObject({ byName: false, byIp: true, reason: 'default-bridge' });
    expect(pair('loner', 'legacy-db').explanation).toMatch(/only the default bridge, which has no DNS/);
  });

  it('no shared network: isolated, only published ports through the host', () => {
    expect(pair('web', 'loner')).toMatchObject({ byName: false, byIp: false, reason: 'isolated', networks: [] });
    expect(pair('web', 'loner').explanation).toBe(
      'bbreach-web and bbreach-loner share no network: bbreach-loner publishes no ports, so bbreach-web cannot reach it at all',
    );
  });

  it('enable_icc=false: names resolve, but no traffic between containers', () => {
    expect(pair('quiet-a', 'quiet-b')).toMatchObject({ byName: false, byIp: false, reason: 'icc-disabled', networks: [] });
    expect(pair('quiet-a', 'quiet-b').explanation).toMatch(/'bbreach-quiet'.*enable_icc=false/);
  });

  it('an internal network: reachable inside, no way out and no way in', () => {
    expect(pair('int-a', 'int-b')).toMatchObject({ byName: true, byIp: true, reason: 'shared-network', names: ['bbreach-int-b', 'inner'] });
    expect(pair('int-a', 'web')).toMatchObject({ byIp: false, reason: 'internal' });
    expect(pair('web', 'int-a')).toMatchObject({ byIp: false, reason: 'internal' });
  });

  it('host mode: the host routes to every bridge, internal and icc=false too, never by name', () => {
    for (const to of ['web', 'int-a', 'quiet-b', 'legacy-db']) {
      expect(pair('host', to)).toMatchObject({ byName: false, byIp: true, reason: 'host-mode' });
    }
    expect(pair('host', 'api').networks.sort()).toEqual(['bbreach-back', 'bbreach-front']);
  });

  it('to a host-mode container: at the host address on your own bridge, from any bridge', () => {
    expect(pair('legacy-db', 'host')).toMatchObject({ byIp: true, byName: false, reason: 'to-host-mode', addresses: ['172.17.0.1'] });
    expect(pair('int-a', 'host')).toMatchObject({ byIp: true, addresses: ['10.231.3.1'], networks: ['bbreach-internal'] });
    expect(pair('quiet-a', 'host')).toMatchObject({ byIp: true, addresses: ['10.231.4.1'] });
    expect(pair('api', 'host').addresses).toEqual(['10.231.2.1', '10.231.1.1']);
  });

  it('container:X sees X’s view, and X and its partner reach each other over lo', () => {
    expect(pair('sidecar', 'web')).toMatchObject({ byName: true, byIp: true, reason: 'shared-stack', addresses: ['127.0.0.1'] });
    expect(pair('sidecar', 'web').names).toEqual(['bbreach-web', 'www']);
    expect(pair('web', 'sidecar')).toMatchObject({ byName: false, byIp: true, reason: 'shared-stack', addresses: ['127.0.0.1'] });
    expect(pair('sidecar', 'api')).toMatchObject({ byName: true, byIp: true, reason: 'shared-network', networks: ['bbreach-front'] });
    expect(pair('sidecar', 'db').reason).toBe('isolated');
    const toSidecar = pair('api', 'sidecar');
    expect(toSidecar).toMatchObject({ byName: false, byIp: true, addresses: pair('api', 'web').addresses });
    expect(toSidecar.explanation).toMatch(/bbreach-sidecar shares bbreach-web's stack/);
  });

  it('none mode and stopped containers reach nothing and are reached by nothing', () => {
    expect(pair('none', 'web')).toMatchObject({ byIp: false, reason: 'none-mode' });
    expect(pair('web', 'none')).toMatchObject({ byIp: false, reason: 'none-mode', addresses: [] });
    expect(pair('stopped', 'db')).toMatchObject({ byIp: false, byName: false, reason: 'stopped' });
    expect(pair('db', 'stopped')).toMatchObject({ byIp: false, reason: 'stopped', names: ['bbreach-stopped', 'cold'], addresses: [] });
  });

  it('only from one container, by name or id', () => {
    const from = reachability(stack, { from: 'bbreach-web' });
    expect(from).toHaveLength(13);
    expect(new Set(from.map((p) => p.from))).toEqual(new Set(['bbreach-web']));
    const id = Object.values(stack.containers).find((c) => c.name === 'bbreach-web')?.id ?? '';
    expect(reachability(stack, { from: id.slice(0, 12) })).toEqual(from);
    expect(reachability(stack, { from: 'nobody' })).toEqual([]);
  });
});

// Small hand-built topologies for what the recorded stack does not hold.
function build(): {
  t: Topology;
  net: (name: string, o?: Partial<Network>) => Network;
  ctr: (name: string, o?: Partial<Container>) => Container;
  attach: (n: Network, c: Container, ipv4: string, aliases?: string[]) => void;
} {
  const t: Topology = { rev: 0, networks: {}, containers: {}, endpoints: {}, ...emptySwarm() };
  // The shared hand-built shapes, kept in this topology as they are made.
  const net = (name: string, o: Partial<Network> = {}): Network => {
    const n = handNet(name, o);
    return (t.networks[n.id] = n);
  };
  const ctr = (name: string, o: Partial<Container> = {}): Container => {
    const c = handCtr(name, o);
    return (t.containers[c.id] = c);
  };
  const attach = (n: Network, c: Container, ipv4: string, aliases: string[] = []) => {
    const live = c.state === 'running' || c.state === 'paused';
    t.endpoints[endpointKey(n.id, c.id)] = {
      networkId: n.id,
      containerId: c.id,
      endpointId: live ? `e-${c.name}` : '',
      ipv4: live ? ipv4 : null,
      ipv4PrefixLen: live ? 24 : null,
      ipv6: null,
      mac: null,
      gateway: live ? ipv4.replace(/\.\d+$/, '.1') : null,
      aliases,
      dnsNames: n.name === 'bridge' ? [] : [c.name, ...aliases],
      ipamConfig: { ipv4: null, ipv6: null },
    };
  };
  return { t, net, ctr, attach };
}
const quiet = { options: { 'com.docker.network.bridge.enable_icc': 'false' } };

describe('reachability edge cases', () => {
  it('a paused container sends nothing, but its kernel still answers ping', () => {
    const { t, net, ctr, attach } = build();
    const n = net('app');
    attach(n, ctr('a'), '10.0.0.2');
    attach(n, ctr('p', { state: 'paused' }), '10.0.0.3');
    const pairs = reachability(t);
    expect(pairIn(pairs, 'p', 'a')).toMatchObject({ byName: false, byIp: false, reason: 'paused' });
    expect(pairIn(pairs, 'a', 'p')).toMatchObject({ byName: true, byIp: true, reason: 'shared-network', addresses: ['10.0.0.3'] });
    expect(pairIn(pairs, 'a', 'p').explanation).toMatch(/p is paused: its kernel answers ping/);
  });

  it('icc=false on one of two shared networks: IP through the other; the name works only if the DNS picks the open one', () => {
    // Checked: the embedded DNS answers on the first shared network in libnetwork's order, by name.
    const { t, net, ctr, attach } = build();
    const [aq, bo] = [net('a-quiet', quiet), net('b-open')];
    const [x, y] = [ctr('x'), ctr('y')];
    attach(aq, x, '10.1.0.2');
    attach(bo, x, '10.2.0.2');
    attach(aq, y, '10.1.0.3');
    attach(bo, y, '10.2.0.3');
    const p = pairIn(reachability(t), 'x', 'y');
    expect(p).toMatchObject({
      byName: false,
      byIp: true,
      reason: 'shared-network',
      networks: ['b-open'],
      addresses: ['10.1.0.3', '10.2.0.3'],
    });
    expect(p.explanation).toMatch(/by IP only over 'b-open', since its name resolves on 'a-quiet'/);
    aq.name = 'z-quiet';
    expect(pairIn(reachability(t), 'x', 'y')).toMatchObject({ byName: true, byIp: true, networks: ['b-open'] });
    // Internal networks come last whatever their name.
    aq.name = 'a-quiet';
    aq.internal = true;
    expect(pairIn(reachability(t), 'x', 'y')).toMatchObject({ byName: true, byIp: true });
  });

  it('icc=false on the default bridge stops a --link too', () => {
    const { t, net, ctr, attach } = build();
    const b = net('bridge', { options: { 'com.docker.network.bridge.enable_icc': 'false' } });
    const db = ctr('db');
    attach(b, db, '172.17.0.2');
    attach(b, ctr('web', { links: [{ container: 'db', alias: 'database' }] }), '172.17.0.3');
    expect(pairIn(reachability(t), 'web', 'db')).toMatchObject({
      byName: false,
      byIp: false,
      reason: 'icc-disabled',
      names: ['db', 'database'],
    });
  });

  it('a --link to a stopped container: stopped, and docker exec refuses the linking container', () => {
    const { t, net, ctr, attach } = build();
    const b = net('bridge');
    attach(b, ctr('db', { state: 'exited' }), '172.17.0.2');
    attach(b, ctr('web', { links: [{ container: 'db', alias: 'database' }] }), '172.17.0.3');
    attach(b, ctr('other'), '172.17.0.4');
    const pairs = reachability(t);
    expect(pairIn(pairs, 'web', 'db')).toMatchObject({
      byName: false,
      byIp: false,
      reason: 'stopped',
      names: ['db', 'database'],
      addresses: [],
    });
    // Its network still works (checked from a container sharing its stack); only the probe cannot run.
    expect(pairIn(pairs, 'web', 'other')).toMatchObject({ byIp: true, reason: 'default-bridge' });
    expect(pairIn(pairs, 'web', 'other').explanation).toMatch(/docker exec refuses web while its --link target db is not running/);
  });

  it('container:X with X stopped: the sharer keeps only lo', () => {
    const { t, net, ctr, attach } = build();
    const n = net('app');
    attach(n, ctr('x', { state: 'exited' }), '10.0.0.2');
    attach(n, ctr('b'), '10.0.0.3');
    ctr('s', { networkMode: { kind: 'container', container: 'ctr-x' } });
    ctr('s2', { networkMode: { kind: 'container', container: 'x' } });
    const pairs = reachability(t);
    expect(pairIn(pairs, 's', 'b')).toMatchObject({ byIp: false, reason: 'stack-gone' });
    expect(pairIn(pairs, 'b', 's')).toMatchObject({ byIp: false, reason: 'stack-gone', addresses: [] });
    expect(pairIn(pairs, 's', 'x')).toMatchObject({ byIp: false, reason: 'stopped', addresses: [] });
    expect(pairIn(pairs, 's', 's2')).toMatchObject({ byIp: true, reason: 'shared-stack', addresses: ['127.0.0.1'] });
  });

  it('host mode with host mode, and container: of a none-mode container, share one stack', () => {
    const { t, net, ctr, attach } = build();
    ctr('h1', { networkMode: { kind: 'host' } });
    ctr('h2', { networkMode: { kind: 'host' } });
    ctr('iso', { networkMode: { kind: 'none' } });
    ctr('iso-side', { networkMode: { kind: 'container', container: 'ctr-iso' } });
    attach(net('app'), ctr('gone', { state: 'created' }), '10.0.0.9');
    const pairs = reachability(t);
    expect(pairIn(pairs, 'h1', 'h2')).toMatchObject({ byName: false, byIp: true, reason: 'shared-stack', addresses: ['127.0.0.1'] });
    expect(pairIn(pairs, 'iso-side', 'iso')).toMatchObject({ byName: false, byIp: true, reason: 'shared-stack', addresses: ['127.0.0.1'] });
    expect(pairIn(pairs, 'h1', 'iso')).toMatchObject({ byIp: false, reason: 'none-mode' });
    expect(pairIn(pairs, 'h1', 'gone')).toMatchObject({ byIp: false, reason: 'stopped' });
    expect(pairIn(pairs, 'iso', 'h1')).toMatchObject({ byIp: false, reason: 'none-mode', addresses: [] });
  });

  it('a restarting container counts as not running; published ports are named for an isolated pair', () => {
    const { t, net, ctr, attach } = build();
    attach(net('one'), ctr('a'), '10.0.0.2');
    attach(net('two'), ctr('b', { ports: [{ containerPort: 80, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 8080 }] }), '10.3.0.2');
    attach(net('three'), ctr('r', { state: 'restarting' }), '10.4.0.2');
    const pairs = reachability(t);
    expect(pairIn(pairs, 'a', 'b').explanation).toMatch(
      /reaches only the ports b publishes, through the host \(80\/tcp on 0\.0\.0\.0:8080\)/,
    );
    expect(pairIn(pairs, 'r', 'a')).toMatchObject({ byIp: false, reason: 'stopped' });
  });
});
