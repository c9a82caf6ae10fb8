import { describe, expect, it } from 'vitest';
import { fromEngine } from '../src/index.js';
import { lints, type Lint } from '../src/lints.js';
import { loadFixture } from './fixtures.js';
import { build, ctr, net, port, webDb } from './hand-built.js';

const codes = (ls: Lint[]) => ls.map((l) => l.code);
const only = (ls: Lint[], code: Lint['code']) => ls.filter((l) => l.code === code);

describe('lints on the recorded engine', () => {
  const fx = loadFixture('1.41');
  const all = lints(fromEngine(fx.networksList, fx.containersInspect));

  it('finds the default bridge pair, their link and the host-mode container, and nothing else', () => {
    expect(codes(all).sort()).toEqual(['default-bridge', 'host-mode', 'legacy-link']);
  });
  it('offers to migrate the default bridge pair', () => {
    const [lint] = only(all, 'default-bridge');
    expect(lint).toMatchObject({ severity: 'warning', containers: ['legacy-db', 'legacy-web'], networks: ['bridge'] });
    expect(lint?.fix).toEqual({ kind: 'migrate', containers: ['legacy-db', 'legacy-web'] });
    expect(lint?.message).toContain("'legacy-web'");
  });
  it('names the link and its alias', () => {
    const [lint] = only(all, 'legacy-link');
    expect(lint?.message).toBe("Legacy --link 'legacy-web' → 'legacy-db' as 'db'.");
    expect(lint?.fix).toEqual({ kind: 'migrate', containers: ['legacy-db', 'legacy-web'] });
  });
  it("never calls the host and none networks empty, and gives every lint the article's reason", () => {
    expect(only(all, 'empty-network')).toEqual([]);
    for (const l of all) expect(l.why.length).toBeGreaterThan(40);
  });
});

describe('default-bridge', () => {
  const t = build(
    [net('bridge')],
    [ctr('a', { composeProject: 'shop' }), ctr('b', { composeProject: 'shop' }), ctr('c'), ctr('gone', { state: 'exited' })],
    [
      ['bridge', 'a'],
      ['bridge', 'b'],
      ['bridge', 'c'],
      ['bridge', 'gone'],
    ],
  );
  it('groups running containers by compose project and leaves stopped ones out', () => {
    expect(only(lints(t), 'default-bridge').map((l) => l.fix)).toEqual([
      { kind: 'migrate', containers: ['c'] },
      { kind: 'migrate', containers: ['a', 'b'] },
    ]);
    expect(only(lints(t), 'default-bridge')[1]?.message).toBe(
      "'a', 'b' are running on the default bridge 'bridge' (compose project 'shop').",
    );
  });
});

describe('legacy-link', () => {
  it('makes one lint per linked group, following links both ways', () => {
    const t = build(
      [net('bridge')],
      [
        ctr('web', { links: [{ container: 'api', alias: 'backend' }] }),
        ctr('api', { links: [{ container: 'db', alias: 'database' }] }),
        ctr('db'),
        ctr('x', { links: [{ container: 'y', alias: 'y' }] }),
        ctr('y'),
      ],
    );
    expect(only(lints(t), 'legacy-link').map((l) => l.containers)).toEqual([
      ['api', 'db', 'web'],
      ['x', 'y'],
    ]);
  });
});

describe("backend-published (the article's web/db example)", () => {
  it('flags the database that publishes 5432 beside a front end that publishes 80, not the front end', () => {
    const [lint, ...rest] = only(lints(webDb()), 'backend-published');
    expect(rest).toEqual([]);
    expect(lint).toMatchObject({ severity: 'warning', containers: ['db', 'web'], networks: ['shop'], fix: null });
    expect(lint?.message).toBe("'db' publishes 5432/tcp (PostgreSQL) on 0.0.0.0:5432, yet 'web' can reach it over 'shop'.");
    expect(lint?.why).toMatch(/re-created/);
  });
  it('is only info when the database is published on loopback', () => {
    expect(only(lints(webDb([port(5432, '127.0.0.1')])), 'backend-published')[0]?.severity).toBe('info');
  });
  it('leaves a container alone when no peer publishes, the peer is stopped, or the port is not a back-end one', () => {
    const lonely = webDb();
    const web = Object.values(lonely.containers).find((c) => c.name === 'web');
    if (!web) throw new Error('no web');
    web.ports = [];
    expect(only(lints(lonely), 'backend-published')).toEqual([]);
    web.ports = [port(80)];
    web.state = 'exited';
    expect(only(lints(lonely), 'backend-published')).toEqual([]);
    expect(only(lints(webDb([port(8000)])), 'backend-published')).toEqual([]);
  });
  it('does not count the default bridge or an enable_icc=false bridge as a way to reach it', () => {
    const t = build(
      [net('bridge'), net('quiet', { options: { 'com.docker.network.bridge.enable_icc': 'false' } })],
      [ctr('web', { ports: [port(80)] }), ctr('db', { ports: [port(3306)] })],
      [
        ['bridge', 'web'],
        ['bridge', 'db'],
        ['quiet', 'web'],
        ['quiet', 'db'],
      ],
    );
    expect(only(lints(t), 'backend-published')).toEqual([]);
  });
});

describe('host-mode and host-privileged', () => {
  const t = build(
    [net('host')],
    [ctr('agent', { networkMode: { kind: 'host' } }), ctr('root', { networkMode: { kind: 'host' }, privileged: true })],
    [
      ['host', 'agent'],
      ['host', 'root'],
    ],
  );
  it('warns about host mode and flags host + privileged as danger, first', () => {
    const all = lints(t);
    expect(all.map((l) => [l.code, l.severity, l.containers])).toEqual([
      ['host-privileged', 'danger', ['root']],
      ['host-mode', 'warning', ['agent']],
    ]);
  });
});

describe('empty-network', () => {
  const t = build(
    [net('bridge'), net('host'), net('none'), net('unused'), net('parked'), net('swarmy', { scope: 'swarm', driver: 'overlay' })],
    [ctr('off', { state: 'exited', networkMode: { kind: 'network', network: 'parked' } })],
    [['parked', 'off', { endpointId: '' }]],
  );
  it('flags a user-defined network without containers and offers to remove it', () => {
    expect(only(lints(t), 'empty-network')).toEqual([
      expect.objectContaining({
        severity: 'info',
        networks: ['unused'],
        fix: { kind: 'remove-network', network: 'unused' },
        message: "Network 'unused' has no containers.",
      }),
    ]);
  });
});

describe('overlapping-subnets', () => {
  it('flags two networks whose subnets overlap, and not disjoint or other-family ones', () => {
    const t = build([
      net('wide', {}, '10.1.0.0/16'),
      net('narrow', {}, '10.1.2.0/24'),
      net('apart', {}, '10.2.0.0/24'),
      net('v6', {}, 'fd00::/64'),
    ]);
    const found = only(lints(t), 'overlapping-subnets');
    expect(found.map((l) => l.networks)).toEqual([['narrow', 'wide']]);
    expect(found[0]).toMatchObject({ fix: null, message: "'narrow' (10.1.2.0/24) overlaps 'wide' (10.1.0.0/16)." });
  });
});

describe('the capacity lints among the others', () => {
  it('have a reason and advice but no one-click fix, and sort by severity, then by the order of the codes', () => {
    const t = build(
      [
        net('bridge', { options: { 'com.docker.network.driver.mtu': '1500' }, hostInterface: 'docker0' }, '172.17.0.0/16'),
        net('lan', {}, '192.0.2.0/24'),
      ],
      [ctr('solo')],
      [['bridge', 'solo']],
    );
    const host = { uplink: { name: 'eth0', mtu: 1400 }, routes: [{ destination: '192.0.2.0/24', interface: 'eth0' }] };
    const all = lints(t, host);
    expect(all.map((l) => [l.code, l.severity])).toEqual([
      ['default-bridge', 'warning'],
      ['route-overlap', 'warning'],
      ['mtu', 'warning'],
      ['empty-network', 'info'],
    ]);
    for (const l of all.filter((x) => x.code === 'route-overlap' || x.code === 'mtu')) {
      expect(l.fix).toBeNull();
      expect(l.why.length).toBeGreaterThan(40);
      expect(l.advice?.length).toBeGreaterThan(40);
    }
    expect(all.find((l) => l.code === 'default-bridge')?.advice).toBeNull();
  });
});
