import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { clientAddressOf, ConfigError, engineConnection, loadConfig, trustProxyOf } from './config.js';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({})).toMatchObject({
      PORT: 8080,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      METRICS_PUBLIC: false,
      AUDIT_RETENTION_DAYS: 90,
    });
  });
  it('reads the audit retention in days', () => {
    expect(loadConfig({ AUDIT_RETENTION_DAYS: '7' }).AUDIT_RETENTION_DAYS).toBe(7);
  });
  it('reads the ops and CLI settings', () => {
    expect(loadConfig({ METRICS_PUBLIC: 'true' }).METRICS_PUBLIC).toBe(true);
    expect(loadConfig({ METRICS_PUBLIC: 'false' }).METRICS_PUBLIC).toBe(false);
    expect(loadConfig({ BRIDGEBOARD_URL: 'http://127.0.0.1:8080', BRIDGEBOARD_TOKEN: 'bbt_x' })).toMatchObject({
      BRIDGEBOARD_URL: 'http://127.0.0.1:8080',
      BRIDGEBOARD_TOKEN: 'bbt_x',
    });
  });
  it('names a bad password setting without repeating the value', () => {
    expect(() => loadConfig({ BRIDGEBOARD_ADMIN_PASSWORD: 'short-pw' })).toThrow(/BRIDGEBOARD_ADMIN_PASSWORD/);
    expect(() => loadConfig({ BRIDGEBOARD_ADMIN_PASSWORD: 'short-pw' })).not.toThrow(/short-pw/);
  });
  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ DOCKER_HOST: 'ssh://box' }, /DOCKER_HOST/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ METRICS_PUBLIC: 'yes' }, /METRICS_PUBLIC/],
    [{ BRIDGEBOARD_URL: 'localhost:8080' }, /BRIDGEBOARD_URL/],
    [{ BRIDGEBOARD_TOKEN: '' }, /BRIDGEBOARD_TOKEN/],
    [{ RATE_LIMIT_PER_MINUTE: '5' }, /RATE_LIMIT_PER_MINUTE/],
    [{ SESSION_SECRET: 'too-short' }, /SESSION_SECRET/],
    [{ AUDIT_RETENTION_DAYS: '0' }, /AUDIT_RETENTION_DAYS/],
    [{ AUDIT_RETENTION_DAYS: 'forever' }, /AUDIT_RETENTION_DAYS/],
  ])('refuses %o with a message naming the setting', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });
  it('turns DOCKER_HOST into dockerode options', () => {
    expect(engineConnection({})).toEqual({ socketPath: '/var/run/docker.sock' });
    expect(engineConnection({ DOCKER_HOST: 'unix:///tmp/d.sock' })).toEqual({ socketPath: '/tmp/d.sock' });
    expect(engineConnection({ DOCKER_HOST: 'tcp://127.0.0.1:2375' })).toEqual({ host: '127.0.0.1', port: 2375, protocol: 'http' });
  });
});

describe('clientAddressOf', () => {
  /** Fastify's own `request.ip` under the same TRUST_PROXY, for a request from `peer` with `forwarded`. */
  async function fastifyIp(trustProxy: string | undefined, peer: string, forwarded?: string): Promise<string> {
    const app = Fastify({ trustProxy: trustProxyOf({ TRUST_PROXY: trustProxy }) });
    let ours = '';
    app.get('/', (request) => {
      ours = clientAddressOf({ TRUST_PROXY: trustProxy })(request.raw);
      return request.ip;
    });
    const res = await app.inject({
      url: '/',
      remoteAddress: peer,
      headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded },
    });
    await app.close();
    expect(ours).toBe(res.body);
    return ours;
  }

  it.each([
    [undefined, '203.0.113.9', '198.51.100.1', '203.0.113.9'],
    ['10.0.0.2', '10.0.0.2', '198.51.100.1', '198.51.100.1'],
    ['10.0.0.2', '10.0.0.3', '198.51.100.1', '10.0.0.3'],
    ['10.0.0.0/8', '10.0.0.3', '198.51.100.1, 10.9.9.9', '198.51.100.1'],
    ['10.0.0.0/8', '10.0.0.3', '6.6.6.6, 198.51.100.1', '198.51.100.1'],
    ['10.0.0.0/255.0.0.0, 192.0.2.1', '192.0.2.1', '10.1.1.1, 10.2.2.2', '10.1.1.1'],
    ['10.0.0.2', '::ffff:10.0.0.2', '198.51.100.1', '198.51.100.1'],
    ['fd00::/8', 'fd00::1', '2001:db8::7', '2001:db8::7'],
    ['10.0.0.2', '10.0.0.2', 'not-an-address', 'not-an-address'],
    ['10.0.0.2', '10.0.0.2', undefined, '10.0.0.2'],
  ])('TRUST_PROXY=%s, peer %s, X-Forwarded-For %s → %s, as Fastify says', async (trust, peer, forwarded, client) => {
    expect(await fastifyIp(trust, peer, forwarded)).toBe(client);
  });
});
