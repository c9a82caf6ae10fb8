import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Topology } from '@bridgeboard/topology';
import { asAdmin, startApp, type App } from './helpers/app.js';
import { engineFacts, expectEventuallyEqual, topologyFacts } from './helpers/compare.js';
import { cleanup, docker, namespace, runContainer } from './helpers/engine.js';

const ns = namespace('truth');

describe('GET /api/engines/local/topology', () => {
  let app: App;

  beforeAll(async () => {
    await cleanup('bbt-truth-'); // leftovers of an interrupted run
    await docker('network', 'create', '--subnet', '10.211.0.0/24', '--gateway', '10.211.0.254', `${ns}-a`);
    await docker('network', 'create', '--internal', `${ns}-b`);
    await runContainer(`${ns}-one`, '--network', `${ns}-a`, '--network-alias', 'svc');
    await docker('network', 'connect', '--alias', 'other', '--alias', 'more', `${ns}-b`, `${ns}-one`);
    await runContainer(`${ns}-two`);
    await runContainer(`${ns}-three`, '--network', `container:${ns}-two`);
    app = await startApp();
  });

  afterAll(async () => {
    await app.close();
    await cleanup(ns);
  });

  const snapshot = async () =>
    (await app.inject({ method: 'GET', url: '/api/engines/local/topology', headers: asAdmin(app) })).json<{
      rev: number;
      topology: Topology;
    }>();

  it('equals docker network inspect for every network: names, drivers, subnets, containers, IPv4s, aliases', async () => {
    const body = await snapshot();
    expect(body.rev).toBe(body.topology.rev);
    expect(topologyFacts(body.topology)).toEqual(await engineFacts());
    const facts = topologyFacts(body.topology);
    expect(facts.networks.find((n) => n.name === `${ns}-b`)?.containers).toEqual([
      { name: `${ns}-one`, ipv4: expect.stringMatching(/\/\d+$/) as string, aliases: ['more', 'other'] },
    ]);
  });

  it('stays equal while the CLI changes things, without a restart', async () => {
    await docker('network', 'disconnect', `${ns}-b`, `${ns}-one`);
    await docker('network', 'connect', `${ns}-a`, `${ns}-two`);
    await docker('network', 'create', `${ns}-c`);
    await expectEventuallyEqual(() => app.defaultEngine.store.current);
    await docker('rm', '-f', `${ns}-three`);
    await docker('network', 'rm', `${ns}-c`);
    await expectEventuallyEqual(() => app.defaultEngine.store.current);
    const body = await snapshot();
    expect(Object.values(body.topology.containers).map((c) => c.name)).not.toContain(`${ns}-three`);
  });

  it('reports engine health', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', engine: { reachable: true, version: expect.any(String) as string } });
  });
});
