import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { io as connectSocket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { follow, type ClientSocket } from './helpers/app.js';
import { freePort, start, tempDir, waitReady, type Running } from './helpers/child.js';

const PASSWORD = 'shutdown-test-password';

/** The server as a service runs it: its own process, a real database file, a signal to stop. */
describe.each([
  ['server.ts', ['src/server.ts']],
  ['bridgeboard serve', ['src/cli/main.ts', 'serve']],
])('graceful shutdown of %s', (_name, entry) => {
  const data = tempDir('bridgeboard-shutdown-');
  let url: string;
  let server: Running;

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    server = start(entry, {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: data.path,
      BRIDGEBOARD_ADMIN_PASSWORD: PASSWORD,
      LOG_LEVEL: 'info',
      WEB_DIST: join(data.path, 'no-web'),
    });
    await waitReady(`${url}/api/ready`, server);
  });

  afterAll(() => {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
    data.remove();
  });

  it('on SIGTERM closes the open socket, the engine stream and the database, and exits 0 within 10 s', async () => {
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .join('; ');
    const socket: ClientSocket = connectSocket(url, { transports: ['websocket'], reconnection: false, extraHeaders: { cookie } });
    const snapshot = new Promise((resolve) => socket.once('snapshot', resolve));
    follow(socket);
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    await snapshot;
    expect(socket.connected).toBe(true);
    expect(existsSync(join(data.path, 'bridgeboard.db-wal'))).toBe(true);

    const sentAt = Date.now();
    server.child.kill('SIGTERM');
    const [exit, reason] = await Promise.all([server.exited, disconnected]);
    const tookMs = exit.at - sentAt;
    console.log(`SIGTERM → exit ${String(exit.code)} in ${tookMs} ms; the client saw '${reason}'`);

    expect(exit.code).toBe(0);
    expect(tookMs).toBeLessThan(10_000);
    // Closed by the server (socket.io's own close), not by a crash of the transport underneath.
    expect(['io server disconnect', 'transport close']).toContain(reason);
    // SQLite removes the write-ahead log when the last connection closes cleanly.
    expect(existsSync(join(data.path, 'bridgeboard.db-wal'))).toBe(false);
    const lines = server
      .output()
      .stdout.split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg?: string; signal?: string; sockets?: number });
    expect(lines.find((line) => line.msg === 'shutting down')).toMatchObject({ signal: 'SIGTERM', sockets: 1 });
    const order = ['shutting down', 'engine event streams closed', 'shut down'].map((msg) => lines.findIndex((line) => line.msg === msg));
    expect(order.every((index, i) => index >= 0 && (i === 0 || index > (order[i - 1] ?? 0)))).toBe(true);
    expect(server.output().stdout).not.toContain(PASSWORD);
    await expect(fetch(`${url}/api/health`)).rejects.toThrow();
  });
});
