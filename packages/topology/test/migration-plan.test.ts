import { describe, expect, it } from 'vitest';
import { fromEngine } from '../src/index.js';
import { expandLinkedGroup } from '../src/link-groups.js';
import { planMigration } from '../src/migration-plan.js';
import { freeSubnet } from '../src/subnets.js';
import { loadFixture } from './fixtures.js';
import { build, ctr, net } from './hand-built.js';

const fx = loadFixture('1.41');
const t = fromEngine(fx.networksList, fx.containersInspect);

describe('planMigration on the recorded engine', () => {
  it('moves the linked pair onto a new network, keeping the link name db as an alias of legacy-db', () => {
    const plan = planMigration(t, ['legacy-web', 'legacy-db']);
    expect(plan.refusals).toEqual([]);
    expect(plan.network).toEqual({ name: 'legacy-web-net', subnet: '10.200.0.0/24', gateway: '10.200.0.1' });
    expect(plan.steps).toEqual([
      { kind: 'create-network', name: 'legacy-web-net', subnet: '10.200.0.0/24', gateway: '10.200.0.1' },
      { kind: 'connect', network: 'legacy-web-net', container: 'legacy-web', aliases: [] },
      { kind: 'connect', network: 'legacy-web-net', container: 'legacy-db', aliases: ['db'] },
    ]);
    expect(plan.commands).toEqual([
      'docker network create --driver bridge --subnet 10.200.0.0/24 --gateway 10.200.0.1 legacy-web-net',
      'docker network connect legacy-web-net legacy-web',
      'docker network connect --alias db legacy-web-net legacy-db',
    ]);
    expect(plan.warnings).toEqual([expect.stringMatching(/environment variables/)]);
  });
  it('disconnects from the default bridge only when asked, after every connect', () => {
    const plan = planMigration(t, ['legacy-web', 'legacy-db'], { disconnectFromDefault: true, networkName: 'legacy' });
    expect(plan.commands.slice(-2)).toEqual(['docker network disconnect bridge legacy-web', 'docker network disconnect bridge legacy-db']);
    expect(plan.steps[0]).toMatchObject({ name: 'legacy' });
    expect(plan.warnings).toContainEqual(expect.stringMatching(/breaks --link names until the containers are re-created/));
  });
  it('says up front what an undo cannot restore after a container leaves the default bridge: its address, the --link entries naming it', () => {
    const plan = planMigration(t, ['legacy-web', 'legacy-db'], { disconnectFromDefault: true, networkName: 'legacy' });
    expect(plan.warnings).toContainEqual(
      "If a later step fails after 'legacy-db' leaves 'bridge', the undo reconnects it without its address 172.17.0.2 (the default bridge takes no fixed address), so it may come back with another one, and the --link entry for it in 'legacy-web' keeps 172.17.0.2.",
    );
    expect(plan.warnings).toContainEqual(
      "If a later step fails after 'legacy-web' leaves 'bridge', the undo reconnects it without its address 172.17.0.3 (the default bridge takes no fixed address), so it may come back with another one.",
    );
    // Nothing leaves the default bridge, so an undo has nothing to reconnect.
    expect(planMigration(t, ['legacy-web', 'legacy-db']).warnings.some((w) => w.includes('the undo'))).toBe(false);
  });
  it('warns when only one end of a link moves', () => {
    const plan = planMigration(t, ['legacy-db']);
    expect(plan.warnings).toEqual([expect.stringContaining("'legacy-web' is not migrated")]);
    expect(plan.steps[1]).toEqual({ kind: 'connect', network: 'legacy-db-net', container: 'legacy-db', aliases: [] });
  });
  it('refuses unknown names, containers off the default bridge and host/none/container: modes, with no steps', () => {
    const plan = planMigration(t, ['nope', 'web', 'host-mode', 'isolated', 'web-sidecar', 'legacy-db']);
    expect(plan.refusals.map((r) => r.container)).toEqual(['nope', 'web', 'host-mode', 'isolated', 'web-sidecar']);
    expect(plan.refusals.map((r) => r.reason)).toEqual([
      "No container named 'nope'",
      "'web' is not on the default bridge",
      expect.stringContaining('host mode'),
      expect.stringContaining('none mode'),
      expect.stringContaining('container: mode'),
    ]);
    expect(plan).toMatchObject({ network: null, steps: [], commands: [] });
  });
  it('refuses an empty selection, a taken or invalid name, and a subnet that overlaps', () => {
    expect(planMigration(t, []).refusals).toEqual([{ container: null, reason: 'No containers chosen' }]);
    expect(planMigration(t, ['legacy-db'], { networkName: 'appnet' }).refusals).toEqual([
      { container: null, reason: "A network named 'appnet' already exists" },
    ]);
    expect(planMigration(t, ['legacy-db'], { networkName: 'no spaces' }).refusals[0]?.reason).toMatch(/not a valid network name/);
    expect(planMigration(t, ['legacy-db'], { subnet: '10.77.0.128/25' }).refusals).toEqual([
      { container: null, reason: "10.77.0.128/25 overlaps the subnet of network 'appnet'" },
    ]);
    expect(planMigration(t, ['legacy-db'], { subnet: '10.9.0.0/31' }).refusals[0]?.reason).toMatch(/not an IPv4 subnet/);
  });
  it('moves containers off a user-defined network given as `from`, keeping their aliases there', () => {
    const plan = planMigration(t, ['fx-multi'], { from: 'fx-mtu', networkName: 'moved', disconnectFromDefault: true });
    expect(plan.refusals).toEqual([]);
    expect(plan.steps.slice(1)).toEqual([
      { kind: 'connect', network: 'moved', container: 'fx-multi', aliases: ['api'] },
      { kind: 'disconnect', network: 'fx-mtu', container: 'fx-multi' },
    ]);
    // Its address there is fixed (--ip 10.78.0.200): the undo asks for it again, so there is nothing to warn about.
    expect(plan.warnings).toEqual([]);
  });
  it('warns that an undo may not give back an address the network chose itself', () => {
    const plan = planMigration(t, ['fx-multi'], { from: 'fx-internal', networkName: 'moved', disconnectFromDefault: true });
    expect(plan.warnings).toEqual([
      "If a later step fails after 'fx-multi' leaves 'fx-internal', the undo reconnects it without its address 10.79.0.2 ('fx-internal' chose it, it was not fixed with --ip), so it may come back with another one.",
    ]);
  });
  it('refuses a `from` network that does not exist, and containers not on it', () => {
    expect(planMigration(t, ['fx-multi'], { from: 'nope' }).refusals).toEqual([{ container: null, reason: "No network named 'nope'" }]);
    expect(planMigration(t, ['web', 'fx-multi'], { from: 'fx-mtu' }).refusals).toEqual([
      { container: 'web', reason: "'web' is not on network 'fx-mtu'" },
    ]);
    expect(planMigration(t, ['legacy-db'], { from: 'bridge' }).refusals).toEqual([]);
  });
  it('takes a subnet it is given, normalised to its network address', () => {
    expect(planMigration(t, ['legacy-db'], { subnet: '10.9.0.5/24' }).network).toEqual({
      name: 'legacy-db-net',
      subnet: '10.9.0.0/24',
      gateway: '10.9.0.1',
    });
  });
});

describe('planMigration naming and subnets', () => {
  const onBridge = (names: string[], over: Parameters<typeof ctr>[1] = {}) => names.map((n) => ctr(n, over));
  it('names the network after a common compose project, and steps around names taken', () => {
    const tt = build(
      [net('bridge', {}, '172.17.0.0/16'), net('shop-net', {}, '10.200.0.0/24')],
      onBridge(['a', 'b'], { composeProject: 'shop' }),
      [
        ['bridge', 'a'],
        ['bridge', 'b'],
      ],
    );
    expect(planMigration(tt, ['a', 'b']).network).toEqual({ name: 'shop-net-2', subnet: '10.200.1.0/24', gateway: '10.200.1.1' });
  });
  it('finds a free /24 past every taken range, moving on to the next pool', () => {
    expect(freeSubnet(['10.200.0.0/16'])).toEqual({ subnet: '172.28.0.0/24', gateway: '172.28.0.1' });
    expect(freeSubnet(['10.0.0.0/8', '172.16.0.0/12'])).toBeNull();
    expect(freeSubnet(['10.200.0.0/24', '10.200.1.0/25', 'fd00::/8'])).toEqual({ subnet: '10.200.2.0/24', gateway: '10.200.2.1' });
  });
});

describe('link aliases', () => {
  const tt = build(
    [net('bridge')],
    [
      ctr('a', {
        links: [
          { container: 'x', alias: 'db' },
          { container: 'y', alias: 'y' },
        ],
      }),
      ctr('b', {
        links: [
          { container: 'y', alias: 'db' },
          { container: 'x', alias: 'a' },
        ],
      }),
      ctr('x'),
      ctr('y'),
    ],
    ['a', 'b', 'x', 'y'].map((n): [string, string] => ['bridge', n]),
  );
  it('gives each link alias to its target once, and reports names that would collide', () => {
    const plan = planMigration(tt, expandLinkedGroup(tt, ['a']));
    const aliases = Object.fromEntries(plan.steps.flatMap((s) => (s.kind === 'connect' ? [[s.container, s.aliases]] : [])));
    expect(aliases).toEqual({ a: [], b: [], x: ['db'], y: [] });
    expect(plan.warnings).toEqual([
      "'b' reaches 'y' as 'db', but 'db' is already an alias of 'x' on the new network; 'y' does not get that alias.",
      "'b' reaches 'x' as 'a', but 'a' is already the name of 'a' on the new network; 'x' does not get that alias.",
      expect.stringMatching(/environment variables/),
    ]);
  });
});

describe('expandLinkedGroup', () => {
  const tt = build(
    [net('bridge')],
    [
      ctr('web', { links: [{ container: 'api', alias: 'api' }] }),
      ctr('api', { links: [{ container: 'db', alias: 'database' }] }),
      ctr('db'),
      ctr('other'),
    ],
  );
  it('adds every container linked to or from the selection, transitively, after the ones given', () => {
    expect(expandLinkedGroup(tt, ['db'])).toEqual(['db', 'api', 'web']);
    expect(expandLinkedGroup(tt, ['ctr-web'])).toEqual(['web', 'api', 'db']);
    expect(expandLinkedGroup(tt, ['other'])).toEqual(['other']);
  });
  it('passes unknown names through for planMigration to refuse', () => {
    expect(expandLinkedGroup(tt, ['ghost'])).toEqual(['ghost']);
  });
  it('finds the recorded pair from either end', () => {
    expect(expandLinkedGroup(t, ['legacy-db'])).toEqual(['legacy-db', 'legacy-web']);
  });
});
