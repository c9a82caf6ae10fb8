import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportCommands, exportCompose } from '../src/export.js';
import { fromEngine } from '../src/index.js';
import { shellQuote } from '../src/network-commands.js';
import { loadFixture } from './fixtures.js';
import { build, ctr, net } from './hand-built.js';

const fx = loadFixture('1.41');
const t = fromEngine(fx.networksList, fx.containersInspect);
const lines = (text: string) => text.trimEnd().split('\n');

describe('exportCommands on the recorded engine', () => {
  const all = lines(exportCommands(t));

  it('creates every user-defined network with its settings, and no system network', () => {
    expect(all.filter((l) => l.startsWith('docker network create'))).toEqual([
      'docker network create --driver bridge --subnet 10.77.0.0/24 --gateway 10.77.0.1 --label bridgeboard.demo=article appnet',
      'docker network create --driver bridge --subnet 10.79.0.0/24 --internal --label bridgeboard.fixture=1 fx-internal',
      'docker network create --driver bridge --subnet 10.78.0.0/24 --gateway 10.78.0.254 --ip-range 10.78.0.128/25 --aux-address reserved=10.78.0.10' +
        ' -o com.docker.network.bridge.enable_icc=false -o com.docker.network.bridge.name=br-fxmtu -o com.docker.network.driver.mtu=1400' +
        ' --label bridgeboard.fixture=1 --label team=ops fx-mtu',
      'docker network create --driver bridge --subnet 10.80.0.0/24 --subnet fd00:80::/64 --ipv6 -o com.docker.network.bridge.enable_ip_masquerade=false --label bridgeboard.fixture=1 fx-v6',
    ]);
  });
  it('connects each attachment with its aliases and requested address, never the default bridge, host or none', () => {
    expect(all.filter((l) => l.startsWith('docker network connect'))).toEqual([
      'docker network connect appnet db',
      'docker network connect appnet web',
      'docker network connect --alias api-internal fx-internal fx-multi',
      'docker network connect fx-internal fx-stopped',
      'docker network connect --alias api --ip 10.78.0.200 fx-mtu fx-multi',
      'docker network connect fx-v6 fx-v6c',
    ]);
  });
  it('exports a selected network with all its members', () => {
    expect(lines(exportCommands(t, { networks: ['appnet'] }))).toEqual([
      'docker network create --driver bridge --subnet 10.77.0.0/24 --gateway 10.77.0.1 --label bridgeboard.demo=article appnet',
      'docker network connect appnet db',
      'docker network connect appnet web',
    ]);
  });
  it('exports a selected container with its user-defined networks, but not their other members', () => {
    const out = lines(exportCommands(t, { containers: ['fx-multi'] }));
    expect(out.map((l) => l.split(' ').at(-1))).toEqual(['fx-internal', 'fx-mtu', 'fx-multi', 'fx-multi']);
    expect(out.slice(2)).toEqual([
      'docker network connect --alias api-internal fx-internal fx-multi',
      'docker network connect --alias api --ip 10.78.0.200 fx-mtu fx-multi',
    ]);
  });
  it('exports nothing for a selection of system networks and default bridge containers', () => {
    expect(exportCommands(t, { networks: ['bridge', 'host', 'none'], containers: ['legacy-web'] })).toBe('');
  });
  it('throws on unknown names', () => {
    expect(() => exportCommands(t, { networks: ['nope'] })).toThrow("No network named 'nope'");
    expect(() => exportCommands(t, { containers: ['nope'] })).toThrow("No container named 'nope'");
  });
});

describe('shell quoting', () => {
  const nasty = ['my net', '<script>', "it's", '$(reboot)', '`id`', 'a;b|c&d', '', 'x\ny', '~root', '*'];
  it('leaves plain words bare and gets every other word through sh unchanged', () => {
    expect(shellQuote('com.docker.network.driver.mtu=1400')).toBe('com.docker.network.driver.mtu=1400');
    expect(shellQuote('my net')).toBe("'my net'");
    const echoed = execFileSync('sh', ['-c', `printf '%s\\0' ${nasty.map(shellQuote).join(' ')}`], { encoding: 'utf8' });
    expect(echoed.split('\0').slice(0, -1)).toEqual(nasty);
  });
  it('quotes names, aliases and labels in the commands', () => {
    const odd = build([net('my net', { labels: { note: "it's <b>" } })], [ctr('web')], [['my net', 'web', { aliases: ['<x>'] }]]);
    expect(lines(exportCommands(odd))).toEqual([
      "docker network create --driver bridge --label 'note=it'\\''s <b>' 'my net'",
      "docker network connect --alias '<x>' 'my net' web",
    ]);
  });
  it('ends the flags with -- when a name starts with a dash', () => {
    expect(exportCommands(build([net('-x')]))).toBe('docker network create --driver bridge -- -x\n');
  });
});

describe('exportCompose', () => {
  const doc = parse(exportCompose(t)) as {
    networks: Record<string, Record<string, unknown>>;
    services: Record<string, { networks: Record<string, { aliases?: string[]; ipv4_address?: string } | null> }>;
  };

  it('writes each user-defined network with driver, options, flags, labels and IPAM', () => {
    expect(Object.keys(doc.networks)).toEqual(['appnet', 'fx-internal', 'fx-mtu', 'fx-v6']);
    expect(doc.networks['fx-mtu']).toEqual({
      name: 'fx-mtu',
      driver: 'bridge',
      driver_opts: {
        'com.docker.network.bridge.enable_icc': 'false',
        'com.docker.network.bridge.name': 'br-fxmtu',
        'com.docker.network.driver.mtu': '1400',
      },
      labels: { 'bridgeboard.fixture': '1', team: 'ops' },
      ipam: {
        config: [{ subnet: '10.78.0.0/24', gateway: '10.78.0.254', ip_range: '10.78.0.128/25', aux_addresses: { reserved: '10.78.0.10' } }],
      },
    });
    expect(doc.networks['fx-internal']).toMatchObject({ internal: true });
    expect(doc.networks['fx-v6']).toMatchObject({
      enable_ipv6: true,
      ipam: { config: [{ subnet: '10.80.0.0/24' }, { subnet: 'fd00:80::/64' }] },
    });
  });
  it('adds a services fragment with each membership, its aliases and static address', () => {
    expect(doc.services['fx-multi']?.networks).toEqual({
      'fx-internal': { aliases: ['api-internal'] },
      'fx-mtu': { aliases: ['api'], ipv4_address: '10.78.0.200' },
    });
    expect(doc.services.web?.networks).toEqual({ appnet: null });
    expect(doc.services['legacy-web']).toBeUndefined();
  });
  it('explains itself in a header comment', () => {
    expect(exportCompose(t)).toMatch(/^# Bridgeboard export\./);
  });
  it('keys compose containers by service and leaves compose labels to compose', () => {
    const stack = build(
      [net('shop_default', { labels: { 'com.docker.compose.project': 'shop', 'com.docker.compose.network': 'default', keep: 'me' } })],
      [ctr('shop-web-1', { labels: { 'com.docker.compose.service': 'web' }, composeProject: 'shop' })],
      [['shop_default', 'shop-web-1']],
    );
    const out = parse(exportCompose(stack)) as typeof doc;
    expect(out.networks.shop_default?.labels).toEqual({ keep: 'me' });
    expect(Object.keys(out.services)).toEqual(['web']);
  });
});
