import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { clientAddressOf, ConfigError, engineConnection, forwardedHostOf, loadConfig, serverOriginOf, trustProxyOf } from './config.js';

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
    [{ PUBLIC_URL: 'bridgeboard.example.com' }, /PUBLIC_URL 'bridgeboard.example.com' is not a URL/],
    [{ PUBLIC_URL: 'ftp://bridgeboard.example.com' }, /PUBLIC_URL 'ftp:.*http\(s\):\/\/host\[:port\]/],
    [{ PUBLIC_URL: 'https://bridgeboard.example.com/board' }, /PUBLIC_URL .*served at the root/],
    [{ PUBLIC_URL: 'https://user:pw@bridgeboard.example.com' }, /PUBLIC_URL/],
    [{ PUBLIC_URL: 'https://bridgeboard.example.com/?a=1' }, /PUBLIC_URL/],
    [{ PUBLIC_URL: 'https://ok.example, http://' }, /PUBLIC_URL 'http:\/\/'/],
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

describe('serverOriginOf: this server as browsers name it', () => {
  it('on a loopback HOST without PUBLIC_URL: loopback names, the Origin must name the Host', () => {
    for (const HOST of ['127.0.0.1', 'localhost', '::1']) {
      expect(serverOriginOf(loadConfig({ HOST }))).toEqual({ hostnames: new Set(['localhost', '127.0.0.1', '[::1]']), origins: null });
    }
  });
  it.each(['0.0.0.0', '::', '192.0.2.10'])('refuses HOST=%s without PUBLIC_URL, naming both', (HOST) => {
    const config = loadConfig({ HOST });
    expect(() => serverOriginOf(config)).toThrow(ConfigError);
    expect(() => serverOriginOf(config)).toThrow(
      new RegExp(`PUBLIC_URL is required when HOST is not a loopback address \\(HOST=${HOST}\\)`),
    );
    expect(() => serverOriginOf(loadConfig({ HOST, PUBLIC_URL: ' , ' }))).toThrow(/PUBLIC_URL is required/);
  });
  it('takes PUBLIC_URL as browsers send Origin: lower case, no default port, no trailing slash', () => {
    const origin = serverOriginOf(
      loadConfig({ HOST: '0.0.0.0', PUBLIC_URL: 'https://BridgeBoard.Example.com:443/, http://127.0.0.1:8080,http://[::1]:9000,' }),
    );
    expect(origin.origins).toEqual(new Set(['https://bridgeboard.example.com', 'http://127.0.0.1:8080', 'http://[::1]:9000']));
    expect(origin.hostnames).toEqual(new Set(['localhost', '127.0.0.1', '[::1]', 'bridgeboard.example.com']));
  });
  it('uses PUBLIC_URL on a loopback HOST too (a same-host proxy in front)', () => {
    expect(serverOriginOf(loadConfig({ PUBLIC_URL: 'https://bridgeboard.example.com' })).origins).toEqual(
      new Set(['https://bridgeboard.example.com']),
    );
  });
  it('is not needed by loadConfig itself (the CLI’s other commands run without it)', () => {
    expect(loadConfig({ HOST: '0.0.0.0' }).PUBLIC_URL).toBeUndefined();
  });
});

describe('forwardedHostOf', () => {
  /** Fastify's own `request.host` under the same TRUST_PROXY, and ours (undefined: `Host` stands). */
  async function hosts(trustProxy: string | undefined, peer: string, headers: Record<string, string>) {
    const app = Fastify({ trustProxy: trustProxyOf({ TRUST_PROXY: trustProxy }) });
    let ours: string | undefined;
    app.get('/', (request) => {
      ours = forwardedHostOf({ TRUST_PROXY: trustProxy })(request.raw);
      return request.host;
    });
    const res = await app.inject({ url: '/', remoteAddress: peer, headers: { host: 'bridgeboard.internal:8080', ...headers } });
    await app.close();
    return { fastify: res.body, ours: ours ?? 'bridgeboard.internal:8080' };
  }

  it.each([
    [undefined, '127.0.0.1', 'a.example', 'bridgeboard.internal:8080'],
    ['127.0.0.1', '127.0.0.1', 'a.example', 'a.example'],
    ['127.0.0.1', '203.0.113.9', 'a.example', 'bridgeboard.internal:8080'],
    ['10.0.0.0/8', '10.1.2.3', 'evil.example, a.example', 'a.example'],
    ['10.0.0.2', '::ffff:10.0.0.2', 'a.example:8443', 'a.example:8443'],
  ])('TRUST_PROXY=%s, peer %s, X-Forwarded-Host %s → %s, as Fastify says', async (trust, peer, forwarded, host) => {
    const seen = await hosts(trust, peer, { 'x-forwarded-host': forwarded });
    expect(seen.ours).toBe(seen.fastify);
    expect(seen.ours).toBe(host);
  });
  it('is undefined without the header', async () => {
    const seen = await hosts('127.0.0.1', '127.0.0.1', {});
    expect(seen).toEqual({ fastify: 'bridgeboard.internal:8080', ours: 'bridgeboard.internal:8080' });
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
