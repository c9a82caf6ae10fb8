import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProbeResponse, ReachabilityResponse } from '@bridgeboard/contract';
import { reachability } from '@bridgeboard/topology';
import { asAdmin, startApp, type App } from './helpers/app.js';
import { docker } from './helpers/engine.js';

const run = promisify(execFile);
/** The stack with a pair for every rule (default bridge with and without --link, internal, icc=false, host, none, container:, stopped). */
const STACK = fileURLToPath(new URL('../../../packages/topology/test/fixtures/reachability-stack.sh', import.meta.url));
const ours = (name: string) => name.startsWith('bbreach-');

describe('reachability: the prediction, proved by the containers themselves', () => {
  let app: App;
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    app.inject({ method, url, headers: asAdmin(app), ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    await run('bash', [STACK], { timeout: 120_000 });
    app = await startApp({}, { PROBE_CONCURRENCY: '8' });
  }, 180_000);
  afterAll(async () => {
    await app.close();
    await run('bash', [STACK, '--remove'], { timeout: 120_000 });
  });

  it('serves the core’s verdicts for the live topology, all pairs or from one container', async () => {
    const all = (await call('GET', '/api/engines/local/reachability')).json<ReachabilityResponse>();
    expect(all.pairs).toEqual(reachability(app.defaultEngine.store.current));
    const fromWeb = (await call('GET', '/api/engines/local/reachability?from=bbreach-web')).json<ReachabilityResponse>();
    expect(fromWeb.pairs.length).toBeGreaterThan(5);
    expect(fromWeb.pairs.every((p) => p.from === 'bbreach-web')).toBe(true);
    const toDb = fromWeb.pairs.find((p) => p.to === 'bbreach-db');
    expect(toDb).toMatchObject({ byName: false, byIp: false });
  });

  it('runs no probe, and lets no exec reach the engine, until an admin turns probes on', async () => {
    expect((await call('GET', '/api/settings')).json()).toEqual({ probesEnabled: false });
    const refused = await call('POST', '/api/engines/local/reachability/probe', { from: 'bbreach-web' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ message: string }>().message).toMatch(/probes are off/);
    // The docker client itself refuses exec while the setting is off.
    await expect(app.defaultEngine.docker.getContainer('bbreach-web').exec({ Cmd: ['true'] })).rejects.toThrow(/allowlist/);
  });

  it('predicts, for every ordered pair of the stack, exactly what ping inside the containers sees', async () => {
    expect((await call('PUT', '/api/settings', { probesEnabled: true })).json()).toEqual({ probesEnabled: true });
    const res = await call('POST', '/api/engines/local/reachability/probe', {});
    expect(res.statusCode).toBe(200);
    const probed = res.json<ProbeResponse>().pairs.filter((p) => ours(p.from) && ours(p.to));
    const names = (await docker('ps', '-a', '--format', '{{.Names}}')).split('\n').filter(ours);
    expect(probed).toHaveLength(names.length * (names.length - 1));
    const running = new Set((await docker('ps', '--format', '{{.Names}}')).split('\n').filter(ours));
    for (const pair of probed) {
      if (!running.has(pair.from)) {
        // Nothing runs there to probe from; the prediction for a stopped source is "nothing".
        expect(pair.observed, `${pair.from} → ${pair.to}`).toBeNull();
        expect(pair.predicted, `${pair.from} → ${pair.to}`).toEqual({ byName: false, byIp: false });
        continue;
      }
      expect({ pair: `${pair.from} → ${pair.to}`, seen: pair.observed, note: pair.note }).toEqual({
        pair: `${pair.from} → ${pair.to}`,
        seen: pair.predicted,
        note: null,
      });
    }
    // The rules the stack is there for, spelled out (the loop above already proved each against ping).
    const verdict = (from: string, to: string) => probed.find((p) => p.from === from && p.to === to)?.observed;
    expect(verdict('bbreach-legacy-web', 'bbreach-legacy-db')).toEqual({ byName: true, byIp: true });
    expect(verdict('bbreach-legacy-db', 'bbreach-legacy-web')).toEqual({ byName: false, byIp: true });
    expect(verdict('bbreach-quiet-a', 'bbreach-quiet-b')).toEqual({ byName: false, byIp: false });
    expect(verdict('bbreach-int-a', 'bbreach-int-b')).toEqual({ byName: true, byIp: true });
    expect(verdict('bbreach-web', 'bbreach-db')).toEqual({ byName: false, byIp: false });
    expect(verdict('bbreach-host', 'bbreach-quiet-a')).toEqual({ byName: false, byIp: true });
    expect(verdict('bbreach-none', 'bbreach-web')).toEqual({ byName: false, byIp: false });
  }, 120_000);

  it('probes only among the containers asked for (a compose project, say)', async () => {
    const res = await call('POST', '/api/engines/local/reachability/probe', { containers: ['bbreach-web', 'bbreach-api'] });
    expect(res.statusCode).toBe(200);
    const pairs = res.json<ProbeResponse>().pairs.map((p) => `${p.from} → ${p.to}:${String(p.agrees)}`);
    expect(pairs.sort()).toEqual(['bbreach-api → bbreach-web:true', 'bbreach-web → bbreach-api:true']);
  });

  it('audits the probe run and the setting change', async () => {
    const audit = await call('GET', '/api/audit?limit=10');
    const actions = audit.json<{ entries: { action: string; result: string }[] }>().entries.map((e) => `${e.action}:${e.result}`);
    expect(actions).toContain('probe.run:ok');
    expect(actions).toContain('probe.run:refused');
    expect(actions).toContain('settings.update:ok');
  });
});
