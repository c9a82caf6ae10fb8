import { describe, expect, it } from 'vitest';
import { ConfigError, engineConnection, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({})).toMatchObject({ PORT: 8080, HOST: '127.0.0.1', LOG_LEVEL: 'info', METRICS_PUBLIC: false });
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
