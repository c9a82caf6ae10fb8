/**
 * Editing a network on the real engine: the network is re-made and every endpoint keeps what it
 * had — a fixed address and aliases, compose's implicit alias, a --link, a stopped container's
 * attachment. A failure midway or a difference afterwards puts everything back as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createBodyOfNetwork,
  type NetworkCreateBody,
  type NetworkEditBody,
  type NetworkEditPlanBody,
  type NetworkEditReport,
} from '@bridgeboard/contract';
import { findNetwork } from '@bridgeboard/topology';
import { RolledBackError } from '../src/errors.js';
import { applyEdit } from '../src/services/network-edit.js';
import { asAdmin, startApp, type App } from './helpers/app.js';
import { cleanup, docker, namespace, runContainer } from './helpers/engine.js';

const ns = namespace('edit');
const net = `${ns}-net`;
const [pinned, composed, linker, stopped] = [`${ns}-pinned`, `${ns}-composed`, `${ns}-linker`, `${ns}-stopped`];
const containers = [pinned, composed, linker, stopped];
// --dns 127.0.0.1: a name the engine's DNS does not know is never asked of a resolver off this machine.
const LOCAL_DNS = ['--dns', '127.0.0.1'];
const octet = 100 + Math.floor(Math.random() * 100);
const v4 = `10.${octet}.77`;

type Settings = Record<string, unknown> & { IPAddress: string; MacAddress: string; Aliases: string[] | null; Links: string[] | null };

const networkInspect = async (name: string) => (JSON.parse(await docker('network', 'inspect', name)) as Record<string, unknown>[])[0] ?? {};
const settingsOf = async (container: string): Promise<Record<string, Settings>> =>
  JSON.parse(await docker('inspect', '-f', '{{json .NetworkSettings.Networks}}', container)) as Record<string, Settings>;

/**
 * What no re-connect can keep: the engine makes a new endpoint (EndpointID) for every connect, and
 * a network made again gets a new id and creation time. An empty IPAMConfig reads `null` or `{}`
 * depending on how the endpoint was made, and the engine lists aliases in no fixed order.
 */
function withoutIds(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (key, v: unknown) => {
      if (['Id', 'Created', 'EndpointID', 'NetworkID'].includes(key)) return '(id)';
      if (key === 'IPAMConfig' && (v === null || JSON.stringify(v) === '{}')) return '(none)';
      if (key === 'Aliases' && Array.isArray(v)) return [...(v as string[])].sort();
      return v;
    }),
  );
}

/** The network's inspect and every container's endpoints, keyed by container name (Containers is keyed by id). */
async function everything(): Promise<{ network: Record<string, unknown>; endpoints: Record<string, Record<string, Settings>> }> {
  const network = await networkInspect(net);
  const endpoints: Record<string, Record<string, Settings>> = {};
  for (const c of containers) endpoints[c] = await settingsOf(c);
  return { network, endpoints };
}

describe('editing a network', () => {
  let app: App;
  const networkNow = () => {
    const n = findNetwork(app.defaultEngine.store.current, net);
    if (!n) throw new Error(`${net} is not on the board`);
    return n;
  };
  const edited = (change: (b: NetworkCreateBody) => void): NetworkCreateBody => {
    const body = createBodyOfNetwork(networkNow());
    change(body);
    return body;
  };
  const plan = async (body: NetworkEditBody, headers = asAdmin(app)) =>
    app.inject({ method: 'POST', url: `/api/engines/local/networks/${net}/edit/plan`, headers, payload: body });
  const apply = async (body: NetworkEditBody, headers = asAdmin(app)) =>
    app.inject({ method: 'POST', url: `/api/engines/local/networks/${net}/edit`, headers, payload: body });
  /** A plan the board has seen every container for (the app may lag the CLI by an event). */
  const settledPlan = async (body: NetworkEditBody): Promise<NetworkEditPlanBody> => {
    await expect
      .poll(async () => (await plan(body)).json<NetworkEditPlanBody>().endpoints.length, { timeout: 10_000 })
      .toBe(containers.length);
    const res = await plan(body);
    expect(res.statusCode).toBe(200);
    return res.json<NetworkEditPlanBody>();
  };

  beforeAll(async () => {
    await cleanup(ns);
    app = await startApp();
    await docker('network', 'create', '--subnet', `${v4}.0/24`, '--label', 'team=payments', net);
    await runContainer(
      pinned,
      ...LOCAL_DNS,
      '--network',
      net,
      '--ip',
      `${v4}.50`,
      '--network-alias',
      'pinned-alias',
      '--network-alias',
      'db',
    );
    // What compose makes: its labels, and the service name as an alias of the endpoint.
    await runContainer(
      composed,
      ...LOCAL_DNS,
      '--network',
      net,
      '--label',
      'com.docker.compose.project=shop',
      '--label',
      'com.docker.compose.service=api',
      '--network-alias',
      'api',
    );
    await runContainer(linker, ...LOCAL_DNS, '--network', net, '--link', `${pinned}:pin`);
    await docker(
      'create',
      '--name',
      stopped,
      ...LOCAL_DNS,
      '--network',
      net,
      '--network-alias',
      'later',
      'bridgeboard/busybox:offline',
      'sleep',
      '1000',
    );
    await app.defaultEngine.watcher.refresh({ kind: 'network', id: await docker('network', 'inspect', '-f', '{{.Id}}', net) });
  }, 60_000);

  afterAll(async () => {
    await app.close();
    await cleanup(ns);
  });

  it('MTU and ICC: the plan names every step; after apply the engine has the new options and every endpoint its address, aliases, links and MAC', async () => {
    const before = await everything();
    const body: NetworkEditBody = { network: edited((b) => (b.options = { ...b.options, mtu: 1400, icc: false })) };
    const p = await settledPlan(body);
    expect(p.refusals).toEqual([]);
    expect(p.changes.map((c) => [c.field, c.to])).toEqual(
      expect.arrayContaining([
        ['options.com.docker.network.driver.mtu', '1400'],
        ['options.com.docker.network.bridge.enable_icc', 'false'],
      ]),
    );
    expect(p.commands).toContain(`docker network rm ${net}`);
    expect(p.commands.filter((c) => c.startsWith('docker network disconnect'))).toHaveLength(containers.length);
    expect(p.endpoints.find((e) => e.container === composed)?.composeAliases).toContain('api');

    const res = await apply({ ...body, expectBasis: p.basis });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json<NetworkEditReport>();
    expect(report.outcome).toBe('kept');
    expect(report.verification.filter((c) => !c.ok)).toEqual([]);
    expect(report.offlineMs.map((o) => o.container).sort()).toEqual([composed, linker, pinned].sort());

    const after = await everything();
    expect((after.network.Options as Record<string, string>)['com.docker.network.driver.mtu']).toBe('1400');
    expect((after.network.Options as Record<string, string>)['com.docker.network.bridge.enable_icc']).toBe('false');
    expect(after.network.Labels).toEqual(before.network.Labels);
    for (const c of [pinned, composed, linker]) {
      const was = before.endpoints[c]?.[net];
      const now = after.endpoints[c]?.[net];
      expect(now?.IPAddress, c).toBe(was?.IPAddress);
      expect(now?.MacAddress, c).toBe(was?.MacAddress);
      expect([...(now?.Aliases ?? [])].sort(), c).toEqual([...(was?.Aliases ?? [])].sort());
      expect(now?.Links, c).toEqual(was?.Links);
    }
    expect(after.endpoints[stopped]?.[net]?.Aliases).toEqual(expect.arrayContaining(['later']));
    // The link's alias still answers through the re-made network's DNS (no ping: ICC is off now).
    const answer = await docker('exec', linker, 'nslookup', '-type=a', 'pin', '127.0.0.11');
    expect(/Name:\s+\S+\s+Address(?: 1)?:\s+(\S+)/.exec(answer)?.[1]).toBe(after.endpoints[pinned]?.[net]?.IPAddress);
  });

  it('with live probes on, the verification resolves every name from a container on the network', async () => {
    const on = await app.inject({ method: 'PUT', url: '/api/settings', headers: asAdmin(app), payload: { probesEnabled: true } });
    expect(on.statusCode).toBe(200);
    try {
      const body: NetworkEditBody = { network: edited((b) => (b.options = { ...b.options, mtu: 1420 })) };
      const p = await settledPlan(body);
      const res = await apply({ ...body, expectBasis: p.basis });
      expect(res.statusCode, res.body).toBe(200);
      const names = res.json<NetworkEditReport>().verification.filter((c) => c.field.startsWith('name '));
      const pinnedAt = (await settingsOf(pinned))[net]?.IPAddress;
      expect(names).toEqual(
        expect.arrayContaining([
          { container: pinned, field: 'name pinned-alias', expected: pinnedAt, actual: pinnedAt, ok: true },
          expect.objectContaining({ container: composed, field: 'name api', ok: true }),
        ]),
      );
      expect(names.every((c) => c.ok)).toBe(true);
    } finally {
      await app.inject({ method: 'PUT', url: '/api/settings', headers: asAdmin(app), payload: { probesEnabled: false } });
    }
  });

  it('a change of subnet with addresses mapped: each address moves to the same host number', async () => {
    const target = 100 + ((octet + 37) % 100);
    const body: NetworkEditBody = { network: edited((b) => (b.subnets = [{ subnet: `10.${target}.78.0/24` }])), addresses: 'map' };
    const refused = (await plan({ ...body, addresses: 'refuse' })).json<NetworkEditPlanBody>();
    expect(refused.refusals.map((r) => r.reason).join(' ')).toMatch(/\.50/);
    const p = await settledPlan(body);
    expect(p.refusals).toEqual([]);
    expect(p.endpoints.find((e) => e.container === pinned)?.after.ipv4).toBe(`10.${target}.78.50`);
    const res = await apply({ ...body, expectBasis: p.basis });
    expect(res.statusCode, res.body).toBe(200);
    for (const e of p.endpoints.filter((x) => x.running)) {
      expect((await settingsOf(e.container))[net]?.IPAddress, e.container).toBe(e.after.ipv4);
    }
    const back: NetworkEditBody = { network: edited((b) => (b.subnets = [{ subnet: `${v4}.0/24` }])), addresses: 'map' };
    const p2 = await settledPlan(back);
    expect((await apply({ ...back, expectBasis: p2.basis })).statusCode).toBe(200);
  });

  it.each([
    ['a step before the network is removed', 1],
    ['a step after the network is made again', -2],
  ])('%s fails: the rollback leaves the network and every endpoint as they were', async (_, at) => {
    const before = await everything();
    const body: NetworkEditBody = { network: edited((b) => (b.options = { ...b.options, mtu: 1300 })) };
    const p = await settledPlan(body);
    const failAtStep = at >= 0 ? at : p.steps.length + at;
    const err = await applyEdit(app.defaultEngine, net, { ...body, expectBasis: p.basis }, () => undefined, { failAtStep }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(RolledBackError);
    const report = (err as RolledBackError).report as NetworkEditReport;
    expect(report.outcome).toBe('rolled-back');
    expect(report.steps[failAtStep]?.status).toBe('failed');
    const after = await everything();
    expect(withoutIds(after)).toEqual(withoutIds(before));
    // Failing before the network was removed keeps the network itself, id and all.
    if (p.steps.findIndex((s) => s.kind === 'remove-network') > failAtStep) {
      expect([after.network.Id, after.network.Created]).toEqual([before.network.Id, before.network.Created]);
    }
  });

  it('a difference found by the verification rolls back too', async () => {
    const before = await everything();
    const body: NetworkEditBody = { network: edited((b) => (b.options = { ...b.options, mtu: 1280 })) };
    const p = await settledPlan(body);
    const err = await applyEdit(app.defaultEngine, net, { ...body, expectBasis: p.basis }, () => undefined, {
      failVerification: true,
    }).catch((e: unknown) => e);
    expect((err as RolledBackError).report).toMatchObject({ outcome: 'rolled-back' });
    expect(withoutIds(await everything())).toEqual(withoutIds(before));
  });

  it('a stale plan is refused (409) and changes nothing', async () => {
    const body: NetworkEditBody = { network: edited((b) => (b.options = { ...b.options, mtu: 1450 })) };
    const p = await settledPlan(body);
    // Someone gives an endpoint another alias after the plan was made.
    await docker('network', 'disconnect', net, linker);
    await docker('network', 'connect', '--alias', 'late', '--link', `${pinned}:pin`, net, linker);
    const before = await everything();
    await expect.poll(async () => (await settledPlan(body)).basis).not.toBe(p.basis);
    const res = await apply({ ...body, expectBasis: p.basis });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ message: string }>().message).toMatch(/changed since this plan was made/);
    expect(await everything()).toEqual(before);
  });

  it('a viewer, and an operator who is only a viewer on this engine, are refused (403) and nothing changes', async () => {
    const tokenWith = async (name: string, role: string, engineRoles: Record<string, string> = {}) => {
      const res = await app.inject({ method: 'POST', url: '/api/tokens', headers: asAdmin(app), payload: { name, role, engineRoles } });
      expect(res.statusCode).toBe(201);
      return { authorization: `Bearer ${res.json<{ token: string }>().token}` };
    };
    const viewer = await tokenWith(`${ns}-viewer`, 'viewer');
    const elsewhere = await tokenWith(`${ns}-op`, 'operator', { local: 'viewer' });
    const body: NetworkEditBody = { network: edited((b) => (b.options = { ...b.options, mtu: 1380 })) };
    const p = await settledPlan(body);
    const before = await everything();
    for (const who of [viewer, elsewhere]) {
      // Reading the plan is allowed; applying it is not.
      expect((await plan(body, who)).statusCode).toBe(200);
      const res = await apply({ ...body, expectBasis: p.basis }, who);
      expect(res.statusCode).toBe(403);
    }
    expect(await everything()).toEqual(before);
  });

  it('bad input names the field and changes nothing', async () => {
    const before = await everything();
    const res = await apply({ network: edited((b) => (b.options = { ...b.options, mtu: 12 })), expectBasis: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ message: string }>().message).toMatch(/mtu/);
    const system = await app.inject({
      method: 'POST',
      url: '/api/engines/local/networks/bridge/edit/plan',
      headers: asAdmin(app),
      payload: { network: { name: 'bridge', options: { mtu: 1400 } } },
    });
    expect(system.statusCode, system.body).toBe(200);
    expect(system.json<NetworkEditPlanBody>().refusals[0]?.reason).toMatch(/Docker's own networks/);
    expect(await everything()).toEqual(before);
  });
});
