import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/build.js';
import { loadConfig } from '../src/config.js';
import { adminToken, asAdmin, listen, nextEvent, socketClient, startApp, type App } from './helpers/app.js';
import { cleanup, docker, namespace, runContainer } from './helpers/engine.js';

/** Prometheus text format, parsed strictly enough that a malformed line fails the test. */
function parseMetrics(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  const typed = new Set<string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const meta = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.+)$/.exec(line);
    if (meta) {
      if (meta[1] === 'TYPE') {
        expect(['counter', 'gauge', 'histogram', 'summary', 'untyped']).toContain(meta[3]);
        typed.add(meta[2] ?? '');
      }
      continue;
    }
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*\})? (-?[0-9.eE+-]+|NaN|\+Inf|-Inf)$/.exec(
      line,
    );
    if (!sample) throw new Error(`not Prometheus text: ${line}`);
    const name = sample[1] ?? '';
    expect(typed.has(name) || typed.has(name.replace(/_(bucket|sum|count)$/, ''))).toBe(true);
    samples.set(`${name}${sample[2] ?? ''}`, Number(sample[3]));
  }
  return samples;
}

const value = (samples: Map<string, number>, key: string) => samples.get(key) ?? 0;

describe('readiness and metrics against the engine', () => {
  const ns = namespace('ops');
  let api: App;
  let url: string;

  beforeAll(async () => {
    api = await startApp();
    url = await listen(api);
  });
  afterAll(async () => {
    await api.close();
    await cleanup(ns);
  });

  it('is ready once the engine answered and the first list is in', async () => {
    const res = await api.inject('/api/ready');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ready: true, engine: { reachable: true } });
  });

  it('keeps /metrics from anonymous callers and wrong tokens; any role’s token may scrape', async () => {
    expect((await api.inject('/metrics')).statusCode).toBe(401);
    expect((await api.inject({ url: '/metrics', headers: { authorization: 'Bearer bbt_not-a-token' } })).statusCode).toBe(401);
    const viewer = api.tokens.create('prometheus', 'viewer', 'tests').secret;
    const res = await api.inject({ url: '/metrics', headers: { authorization: `Bearer ${viewer}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const samples = parseMetrics(res.body);
    expect(value(samples, 'bridgeboard_engine_reachable{engine="local"}')).toBe(1);
    // The default process metrics are there too.
    expect(samples.has('process_resident_memory_bytes')).toBe(true);
    expect(samples.has('nodejs_eventloop_lag_seconds')).toBe(true);
    // The first list's engine calls, timed.
    expect(
      value(samples, 'bridgeboard_engine_api_calls_total{engine="local",call="GET /networks",result="answered"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(
      value(samples, 'bridgeboard_engine_api_call_duration_seconds_count{engine="local",call="GET /networks"}'),
    ).toBeGreaterThanOrEqual(1);
  });

  it('counts a connect: events in, one patch out, its latency, the inspect it took, the socket that saw it', async () => {
    const scrape = async () => parseMetrics((await api.inject({ url: '/metrics', headers: asAdmin(api) })).body);
    const networkId = await docker('network', 'create', `${ns}-net`);
    await runContainer(`${ns}-c`);
    const socket = socketClient(url, { token: adminToken(api) });
    await nextEvent(socket, 'snapshot');
    // Wait until the board holds both objects, so the connect below is the only change in flight.
    const holds = () =>
      JSON.stringify(api.defaultEngine.store.current).includes(`${ns}-c`) && networkId in api.defaultEngine.store.current.networks;
    for (let i = 0; i < 50 && !holds(); i++) await new Promise((r) => setTimeout(r, 100));
    expect(holds()).toBe(true);
    const before = await scrape();
    expect(value(before, 'bridgeboard_sockets_connected')).toBe(1);

    const patched = nextEvent(socket, 'patch', (patch) => JSON.stringify(patch).includes(networkId));
    await docker('network', 'connect', `${ns}-net`, `${ns}-c`);
    await patched;
    const after = await scrape();
    socket.disconnect();

    expect(value(after, 'bridgeboard_engine_events_received_total{engine="local"}')).toBeGreaterThan(
      value(before, 'bridgeboard_engine_events_received_total{engine="local"}'),
    );
    expect(value(after, 'bridgeboard_patches_sent_total{engine="local"}')).toBeGreaterThan(
      value(before, 'bridgeboard_patches_sent_total{engine="local"}'),
    );
    const latencies =
      value(after, 'bridgeboard_event_to_patch_seconds_count{engine="local"}') -
      value(before, 'bridgeboard_event_to_patch_seconds_count{engine="local"}');
    expect(latencies).toBeGreaterThanOrEqual(1);
    const seconds =
      value(after, 'bridgeboard_event_to_patch_seconds_sum{engine="local"}') -
      value(before, 'bridgeboard_event_to_patch_seconds_sum{engine="local"}');
    console.log(`event → patch: ${((seconds / latencies) * 1000).toFixed(1)} ms on average over ${latencies} patch(es)`);
    expect(seconds / latencies).toBeGreaterThan(0);
    expect(seconds / latencies).toBeLessThan(5);
    const inspects = 'bridgeboard_engine_api_calls_total{engine="local",call="GET /containers/{id}/json",result="answered"}';
    expect(value(after, inspects)).toBeGreaterThan(value(before, inspects));
  });

  it('lets anyone scrape only when METRICS_PUBLIC=true', async () => {
    const open = await startApp({}, { METRICS_PUBLIC: 'true' });
    try {
      expect((await open.inject('/metrics')).statusCode).toBe(200);
    } finally {
      await open.close();
    }
  });
});

describe('without an engine', () => {
  it('is alive but not ready, says why, and the metrics say the engine is away', async () => {
    const api = await startApp(
      { backoffMinMs: 50, backoffMaxMs: 100 },
      { DOCKER_HOST: 'unix:///nonexistent/docker.sock', METRICS_PUBLIC: 'true' },
    );
    try {
      expect((await api.inject('/api/health')).json()).toMatchObject({ status: 'degraded' });
      const ready = await api.inject('/api/ready');
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ ready: false, engine: { reachable: false } });
      expect(ready.json<{ reason: string }>().reason).toMatch(/first list/);
      const samples = parseMetrics((await api.inject('/metrics')).body);
      expect(value(samples, 'bridgeboard_engine_reachable{engine="local"}')).toBe(0);
      expect(
        value(samples, 'bridgeboard_engine_api_calls_total{engine="local",call="GET /events",result="failed"}'),
      ).toBeGreaterThanOrEqual(1);
    } finally {
      await api.close();
    }
  });
});

describe('logs', () => {
  it('are JSON lines with request ids, show the setup token, and never a password, cookie or API token', async () => {
    let text = '';
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        text += chunk.toString();
        done();
      },
    });
    const api = await buildServer(
      { config: loadConfig({ LOG_LEVEL: 'info', DATABASE_PATH: ':memory:' }) },
      { logger: { level: 'info', stream } },
    );
    try {
      const setupToken = api.setupToken ?? '';
      expect(setupToken).not.toBe('');
      expect(text).toContain(setupToken);

      const password = 'first-admin-password-for-logs';
      const setup = await api.inject({ method: 'POST', url: '/api/auth/setup', payload: { setupToken, username: 'root', password } });
      expect(setup.statusCode).toBe(200);
      const wrong = await api.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'root', password: `${password}-wrong` },
      });
      expect(wrong.statusCode).toBe(401);
      const login = await api.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'root', password } });
      expect(login.statusCode).toBe(200);
      const cookies = login.cookies.map((c) => c.value);
      expect(cookies.length).toBeGreaterThan(0);
      const token = api.tokens.create('logs', 'admin', 'tests').secret;
      const bearer = await api.inject({
        url: '/api/engines/local/topology',
        headers: { authorization: `Bearer ${token}`, 'x-request-id': 'trace-42' },
      });
      expect(bearer.statusCode).toBe(200);
      expect(bearer.headers['x-request-id']).toBe('trace-42');
      const made = await api.inject({
        method: 'POST',
        url: '/api/users',
        headers: { authorization: `Bearer ${token}`, 'x-request-id': 'not a safe id\u0007' },
        payload: { username: 'second', password: 'second-user-password', role: 'viewer' },
      });
      expect(made.statusCode).toBe(201);
      expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);

      // Should headers or a body ever be logged whole (a plugin's debug line, say), the redaction holds.
      api.log.info(
        { headers: { authorization: `Bearer ${token}`, cookie: `bb_session=${cookies[0] ?? ''}` }, body: { password } },
        'headers logged whole',
      );
      expect(text).toMatch(/"headers":\{"authorization":"\[Redacted\]","cookie":"\[Redacted\]"\},"body":\{"password":"\[Redacted\]"\}/);
      text = text.replace(/.*headers logged whole.*\n/, '');

      const lines = text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { reqId?: string; msg?: string; req?: unknown });
      const requestLines = lines.filter((line) => line.msg === 'incoming request' || line.msg === 'request completed');
      expect(requestLines.length).toBeGreaterThanOrEqual(10);
      expect(requestLines.every((line) => typeof line.reqId === 'string')).toBe(true);
      expect(requestLines.filter((line) => line.reqId === 'trace-42')).toHaveLength(2);
      for (const secret of [password, 'second-user-password', token, ...cookies]) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/bbt_|bb_session=|"cookie"|"authorization"/i);
    } finally {
      await api.close();
    }
  });
});
