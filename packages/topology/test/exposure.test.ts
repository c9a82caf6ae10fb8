import { describe, expect, it } from 'vitest';
import { exposure } from '../src/exposure.js';
import { fromEngine } from '../src/index.js';
import { loadFixture } from './fixtures.js';
import { build, ctr, net, port } from './hand-built.js';

describe('exposure on the recorded engine', () => {
  const fx = loadFixture('1.41');
  it('lists web publishing 80 on loopback only, reachable directly over appnet', () => {
    expect(exposure(fromEngine(fx.networksList, fx.containersInspect))).toEqual([
      { container: 'web', containerPort: 80, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: 32768, everyone: false, networks: ['appnet'] },
    ]);
  });
});

describe('exposure', () => {
  const t = build(
    [net('bridge', {}, '172.17.0.0/16'), net('shop'), net('quiet', { options: { 'com.docker.network.bridge.enable_icc': 'false' } })],
    [
      ctr('web', { ports: [port(443, '::'), port(80, ''), port(80, '0.0.0.0')] }),
      ctr('admin', { ports: [port(8080, '127.0.0.1', 18080)] }),
      ctr('old', { state: 'exited', ports: [port(9000)] }),
    ],
    [
      ['shop', 'web'],
      ['bridge', 'web'],
      ['quiet', 'web'],
      ['shop', 'admin'],
      ['shop', 'old'],
    ],
  );
  const ports = exposure(t);

  it('marks 0.0.0.0, :: and an unset host address as open to everyone', () => {
    expect(ports.filter((p) => p.container === 'web').map((p) => [p.containerPort, p.hostIp, p.everyone])).toEqual([
      [80, '', true],
      [80, '0.0.0.0', true],
      [443, '::', true],
    ]);
    expect(ports.find((p) => p.container === 'admin')?.everyone).toBe(false);
  });
  it('sorts by container, then port, protocol and host address', () => {
    expect(ports.map((p) => `${p.container}:${p.containerPort}`)).toEqual(['admin:8080', 'old:9000', 'web:80', 'web:80', 'web:443']);
  });
  it('names the networks a running container is reachable on directly, leaving out enable_icc=false bridges', () => {
    expect(ports.find((p) => p.container === 'web')?.networks).toEqual(['bridge', 'shop']);
    expect(ports.find((p) => p.container === 'admin')?.networks).toEqual(['shop']);
  });
  it('gives a stopped container no direct networks', () => {
    expect(ports.find((p) => p.container === 'old')?.networks).toEqual([]);
  });
  it('returns each port its own networks array', () => {
    const web = ports.filter((p) => p.container === 'web');
    expect(web[0]?.networks).not.toBe(web[1]?.networks);
  });
});
