import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { connect } from 'node:net';
import { join } from 'node:path';
import { io as connectSocket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/build.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { ADMIN_PASSWORD, listen, startApp, type App, type ClientSocket } from './helpers/app.js';
import { freePort, run, start, tempDir } from './helpers/child.js';
import { cleanup, docker, namespace } from './helpers/engine.js';
import { handshake } from './helpers/session.js';

const ns = namespace('puburl');
const SITE = 'https://bridgeboard.example.com';
const NAME = 'bridgeboard.example.com';
const ATTACKER = 'attacker.example';

interface Answer {
  status: number;
  setCookie: string[];
  body: { message?: string; csrfToken?: string } | null;
}

/**
 * How a browser's request reaches the server: `host` is the name in the browser's address bar (ours,
 * or a rebinding page's). A route sends it the way a same-host TLS proxy forwards it.
 */
interface Route {
  name: string;
  send(host: string, method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<Answer>;
  socket(host: string, headers: Record<string, string>): ClientSocket;
}

function request(base: string, ca: string | undefined, method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise<Answer>((resolve, reject) => {
    const url = new URL(path, base);
    // TLS to the proxy names our site whatever `Host` says. A browser rebound to the proxy would already
    // fail there (the certificate names only us); the Host check is what stands when the proxy also
    // answers plain HTTP, or holds a certificate for more names.
    const options = { method, headers: { ...headers, ...(payload ? { 'content-type': 'application/json' } : {}) }, ca, servername: NAME };
    const req = (url.protocol === 'https:' ? https : http).request(url, options, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          setCookie: res.headers['set-cookie'] ?? [],
          body: text ? (JSON.parse(text) as Answer['body']) : null,
        }),
      );
    });
    req.on('error', reject);
    req.end(payload);
  });
}

function socketTo(base: string, ca: string | undefined, headers: Record<string, string>): ClientSocket {
  return connectSocket(base, { transports: ['websocket'], reconnection: false, extraHeaders: headers, ...(ca ? { ca } : {}) });
}

/** What a proxy adds besides Host: the client's address and the scheme it came over. */
const FORWARDED = { 'x-forwarded-for': '198.51.100.7', 'x-forwarded-proto': 'https' };

/** The proxy's headers, sent straight to the server from 127.0.0.1 (TRUST_PROXY): what it sees from one. */
function sentAsProxy(app: () => string, keepHost: boolean): Route {
  const headersFor = (host: string, headers: Record<string, string>) => ({
    ...headers,
    ...FORWARDED,
    ...(keepHost ? { host } : { host: new URL(app()).host, 'x-forwarded-host': host }),
  });
  return {
    name: keepHost ? 'a proxy keeping Host (its headers)' : 'a proxy sending X-Forwarded-Host/Proto (its headers)',
    send: (host, method, path, headers, body) => request(app(), undefined, method, path, headersFor(host, headers), body),
    socket: (host, headers) => socketTo(app(), undefined, headersFor(host, headers)),
  };
}

/** A real HAProxy on this host terminating TLS for bridgeboard.example.com and forwarding to the server. */
function throughHaproxy(proxy: () => { url: string; ca: string }, keepHost: boolean): Route {
  return {
    name: keepHost
      ? 'HAProxy terminating TLS, keeping Host'
      : 'HAProxy terminating TLS, setting Host to 127.0.0.1 and X-Forwarded-Host/Proto',
    send: (host, method, path, headers, body) => request(proxy().url, proxy().ca, method, path, { ...headers, host }, body),
    socket: (host, headers) => socketTo(proxy().url, proxy().ca, { ...headers, host }),
  };
}

const haproxyMissing = (() => {
  try {
    execFileSync('haproxy', ['-v']);
    execFileSync('openssl', ['version']);
    return false;
  } catch {
    return true;
  }
})();

describe(`PUBLIC_URL=${SITE} on HOST=0.0.0.0, behind a same-host TLS proxy (TRUST_PROXY=127.0.0.1)`, () => {
  const dir = tempDir('bridgeboard-tls-');
  let app: App;
  let appUrl = '';
  let haproxy: ChildProcess | undefined;
  const proxies = { keep: { url: '', ca: '' }, rewrite: { url: '', ca: '' } };

  beforeAll(async () => {
    await cleanup('bbt-puburl-');
    app = await startApp({}, { HOST: '0.0.0.0', PUBLIC_URL: SITE, TRUST_PROXY: '127.0.0.1' });
    appUrl = await listen(app);
    if (haproxyMissing) return;
    const [keep, rewrite] = [await freePort(), await freePort()];
    const appHost = new URL(appUrl).host;
    execFileSync(
      'openssl',
      [
        ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1'],
        ...['-subj', `/CN=${NAME}`, '-addext', `subjectAltName=DNS:${NAME},IP:127.0.0.1`],
        ...['-keyout', join(dir.path, 'key.pem'), '-out', join(dir.path, 'cert.pem')],
      ],
      { stdio: 'ignore' },
    );
    const ca = readFileSync(join(dir.path, 'cert.pem'), 'utf8');
    writeFileSync(join(dir.path, 'site.pem'), ca + readFileSync(join(dir.path, 'key.pem'), 'utf8'));
    // The two usual shapes: Host kept as the browser sent it, or Host set to the upstream's with the
    // browser's in X-Forwarded-Host (nginx's `proxy_pass` default). Both overwrite X-Forwarded-*.
    writeFileSync(
      join(dir.path, 'haproxy.cfg'),
      `defaults
  mode http
  timeout connect 5s
  timeout client 30s
  timeout server 30s
  timeout tunnel 60s
  option forwardfor
frontend keep
  bind 127.0.0.1:${keep} ssl crt ${join(dir.path, 'site.pem')}
  http-request set-header X-Forwarded-Proto https
  default_backend app
frontend rewrite
  bind 127.0.0.1:${rewrite} ssl crt ${join(dir.path, 'site.pem')}
  http-request set-header X-Forwarded-Proto https
  http-request set-header X-Forwarded-Host %[req.hdr(host)]
  http-request set-header Host ${appHost}
  default_backend app
backend app
  server app ${appHost}
`,
    );
    haproxy = spawn('haproxy', ['-db', '-f', join(dir.path, 'haproxy.cfg')], { stdio: 'ignore' });
    for (const port of [keep, rewrite]) await listening(port);
    proxies.keep = { url: `https://127.0.0.1:${keep}`, ca };
    proxies.rewrite = { url: `https://127.0.0.1:${rewrite}`, ca };
  });
  afterAll(async () => {
    haproxy?.kill('SIGTERM');
    await app.close();
    await cleanup(ns);
    dir.remove();
  });

  const routes: [Route, boolean][] = [
    [sentAsProxy(() => appUrl, true), false],
    [sentAsProxy(() => appUrl, false), false],
    [throughHaproxy(() => proxies.keep, true), haproxyMissing],
    [throughHaproxy(() => proxies.rewrite, false), haproxyMissing],
  ];

  /** Signs the admin in from the site's own page: its cookies and CSRF token. */
  async function signIn(route: Route): Promise<{ cookie: string; csrf: string; secure: boolean }> {
    const answer = await route.send(NAME, 'POST', '/api/auth/login', { origin: SITE }, { username: 'admin', password: ADMIN_PASSWORD });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return {
      cookie: answer.setCookie.map((line) => line.split(';')[0]).join('; '),
      csrf: answer.body?.csrfToken ?? '',
      secure: answer.setCookie.every((line) => /;\s*Secure/i.test(line)),
    };
  }

  describe.each(routes.map(([route, skip], i) => ({ route, skip, i })))('via $route.name', ({ route, skip, i }) => {
    it.skipIf(skip)('its own page signs in, changes something (session + CSRF token) and opens the socket', async () => {
      const session = await signIn(route);
      expect(session.secure).toBe(true); // COOKIE_SECURE=auto believed the proxy's X-Forwarded-Proto
      const headers = { origin: SITE, cookie: session.cookie, 'x-csrf-token': session.csrf };
      const created = await route.send(NAME, 'POST', '/api/engines/local/networks', headers, { name: `${ns}-ok${i}` });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(await docker('network', 'ls', '-q', '--filter', `name=^${ns}-ok${i}$`)).not.toBe('');
      expect(await handshake(route.socket(NAME, { origin: SITE, cookie: session.cookie }))).toBe('snapshot');
    });

    it.skipIf(skip)(`refuses a DNS-rebinding request (Host: ${ATTACKER}) with 403, REST and socket alike`, async () => {
      const answer = await route.send(ATTACKER, 'GET', '/api/health', {});
      expect(answer.status).toBe(403);
      expect(answer.body?.message).toMatch(
        new RegExp(`^(X-Forwarded-)?Host '${ATTACKER}' is not this server: expected ${NAME} \\(PUBLIC_URL\\)`),
      );
      // The handshake too, even with a valid session and our own Origin: only the name is wrong.
      const session = await signIn(route);
      const headers = { origin: SITE, cookie: session.cookie };
      expect(await handshake(route.socket(ATTACKER, headers))).toMatch(/^connect_error/);
      const polling = await route.send(ATTACKER, 'GET', '/socket.io/?EIO=4&transport=polling', headers);
      expect([polling.status, polling.body?.message]).toEqual([403, answer.body?.message]);
    });

    it.skipIf(skip)('refuses another site’s Origin on a change and on the socket, naming both', async () => {
      const session = await signIn(route);
      for (const origin of ['https://evil.example', `http://${NAME}`]) {
        const headers = { origin, cookie: session.cookie, 'x-csrf-token': session.csrf };
        const refused = await route.send(NAME, 'POST', '/api/engines/local/networks', headers, { name: `${ns}-evil${i}` });
        expect(refused.status).toBe(403);
        expect(refused.body?.message).toBe(
          `cross-site request refused: Origin '${origin}' is not this server's: expected ${SITE} (PUBLIC_URL)`,
        );
        expect(await handshake(route.socket(NAME, { origin, cookie: session.cookie }))).toMatch(/^connect_error/);
        const polling = await route.send(NAME, 'GET', '/socket.io/?EIO=4&transport=polling', { origin, cookie: session.cookie });
        expect([polling.status, polling.body?.message]).toEqual([403, refused.body?.message]);
      }
      expect(await docker('network', 'ls', '-q', '--filter', `name=^${ns}-evil`)).toBe('');
    });
  });

  it('refuses a rebinding page’s own X-Forwarded-Host that a proxy keeping Host passed through', async () => {
    const answer = await request(appUrl, undefined, 'GET', '/api/health', { host: ATTACKER, 'x-forwarded-host': NAME });
    expect([answer.status, answer.body?.message]).toEqual([
      403,
      `Host '${ATTACKER}' is not this server: expected ${NAME} (PUBLIC_URL) or a loopback name (localhost, 127.0.0.1, [::1])`,
    ]);
  });

  it('ignores X-Forwarded-Host from a peer that is not TRUST_PROXY', async () => {
    const from = (host: string, forwarded: string) =>
      app.inject({ url: '/api/health', remoteAddress: '203.0.113.9', headers: { host, 'x-forwarded-host': forwarded } });
    expect((await from(ATTACKER, NAME)).statusCode).toBe(403);
    expect((await from(NAME, ATTACKER)).statusCode).toBe(200);
  });

  it('answers loopback names: the image’s health check asks http://127.0.0.1:8080', async () => {
    expect((await request(appUrl, undefined, 'GET', '/api/health', { host: '127.0.0.1:8080' })).status).toBe(200);
  });
});

describe('HOST=0.0.0.0 without PUBLIC_URL', () => {
  const data = tempDir('bridgeboard-puburl-');
  afterAll(() => data.remove());
  const env = (port: number) => ({ HOST: '0.0.0.0', PORT: String(port), DATA_DIR: data.path, BRIDGEBOARD_ADMIN_PASSWORD: ADMIN_PASSWORD });

  it('the app refuses to build, naming PUBLIC_URL', async () => {
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      DATABASE_PATH: ':memory:',
      HOST: '0.0.0.0',
      BRIDGEBOARD_ADMIN_PASSWORD: ADMIN_PASSWORD,
    });
    const built = buildServer({ config }, { logger: { level: 'silent' } });
    await expect(built).rejects.toThrow(ConfigError);
    await expect(built).rejects.toThrow(/PUBLIC_URL is required when HOST is not a loopback address \(HOST=0\.0\.0\.0\)/);
  });

  it.each([
    ['server.ts', ['src/server.ts']],
    ['bridgeboard serve', ['src/cli/main.ts', 'serve']],
  ])('%s exits 1 before listening and says why', async (_name, entry) => {
    const port = await freePort();
    const server = start(entry, env(port));
    const ended = await Promise.race([server.exited, new Promise<null>((r) => setTimeout(() => r(null), 20_000))]);
    if (ended === null) server.child.kill('SIGKILL');
    expect(ended?.code, JSON.stringify(server.output())).toBe(1);
    expect(server.output().stderr).toMatch(/PUBLIC_URL is required when HOST is not a loopback address \(HOST=0\.0\.0\.0\)/);
    expect(
      await listening(port, 0).then(
        () => true,
        () => false,
      ),
    ).toBe(false);
  });

  it('the other CLI commands do not need it', async () => {
    const listed = await run(['src/cli/main.ts', 'users', 'list'], env(await freePort()));
    expect(listed.code, listed.stderr).toBe(0);
  });
});

/** Resolves once something accepts connections on 127.0.0.1:`port` (rejects after `timeoutMs`). */
async function listening(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() >= deadline) throw new Error(`nothing listens on 127.0.0.1:${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
