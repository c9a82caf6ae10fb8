import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connectSocket } from 'socket.io-client';
import { adminToken, asAdmin, follow, listen, nextEvent, startApp, type App } from './helpers/app.js';
import { cleanup, docker, namespace } from './helpers/engine.js';

const ns = namespace('origin');

describe('only this server’s own pages drive it', () => {
  let app: App;
  let url: string;
  beforeAll(async () => {
    await cleanup('bbt-origin-');
    app = await startApp();
    url = await listen(app);
  });
  afterAll(async () => {
    await app.close();
    await cleanup(ns);
  });

  it('refuses a cross-site POST and creates nothing', async () => {
    const res = await fetch(`${url}/api/engines/local/networks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ name: `${ns}-x` }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { message: string }).message).toMatch(/cross-site/);
    expect(await docker('network', 'ls', '-q', '--filter', `name=^${ns}`)).toBe('');
  });

  it('accepts the same request from its own origin', async () => {
    const res = await fetch(`${url}/api/engines/local/networks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url, ...asAdmin(app) },
      body: JSON.stringify({ name: `${ns}-ok` }),
    });
    expect(res.status).toBe(201);
  });

  it('answers only loopback Host names (a DNS-rebinding page uses its own)', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/engines/local/topology',
      headers: { host: 'rebind.evil.example:8080', ...asAdmin(app) },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json<{ message: string }>().message).toMatch(/Host/);
  });

  it('refuses a socket opened from another origin, and serves one from its own', async () => {
    const evil = connectSocket(url, {
      transports: ['websocket'],
      extraHeaders: { origin: 'https://evil.example' },
      auth: { token: adminToken(app) },
      reconnection: false,
    });
    const refused = await new Promise<string>((resolve) => {
      evil.on('connect_error', (err) => resolve(err.message));
      evil.on('snapshot', () => resolve('got a snapshot'));
      follow(evil);
    });
    evil.disconnect();
    expect(refused).not.toBe('got a snapshot');

    const own = connectSocket(url, {
      transports: ['websocket'],
      extraHeaders: { origin: url },
      auth: { token: adminToken(app) },
      reconnection: false,
    });
    const [snapshot] = await nextEvent(follow(own), 'snapshot');
    own.disconnect();
    expect(snapshot.rev).toBe(app.defaultEngine.store.current.rev);
  });
});
