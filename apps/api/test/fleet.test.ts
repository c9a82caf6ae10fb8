/**
 * The fleet against real engines: the host's, and two more made by scripts/fleet.sh (each a
 * dockerd in its own network namespace), one reached over tcp:// with TLS, the other over its
 * socket. Each engine's board equals that engine; news goes only to those who follow it; one
 * engine's loss stays that engine's; an admin adds and removes engines, and their keys never come
 * back out: not in answers, the audit trail, the database or the log.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage, EngineSummary, EnginePatch, EngineState } from '@bridgeboard/contract';
import { findContainer, findNetwork, type Topology } from '@bridgeboard/topology';
import { adminToken, asAdmin, listen, nextEvent, socketClient, startApp, type App, type ClientSocket } from './helpers/app.js';
import { tempDir } from './helpers/child.js';
import { expectEventuallyEqual } from './helpers/compare.js';
import { docker, dockerOn, namespace, TEST_IMAGE } from './helpers/engine.js';

const exec = promisify(execFile);
const FLEET = fileURLToPath(new URL('../../../scripts/fleet.sh', import.meta.url));
const fleet = (...args: string[]) => exec('bash', [FLEET, ...args], { timeout: 180_000 });

interface FleetEngine {
  n: number;
  name: string;
  socketPath: string;
  address: string;
  tls?: { host: string; port: number; ca: string; cert: string; key: string };
}

const ns = namespace('fleet');
const SECRET_KEY = 'a secret key for the fleet tests, 32+ chars';
let engines: FleetEngine[];
let one: FleetEngine;
let two: FleetEngine;
let onOne: ReturnType<typeof dockerOn>;
let onTwo: ReturnType<typeof dockerOn>;
let app: App;
let url: string;
const logs: string[] = [];
const sockets: ClientSocket[] = [];
const dir = tempDir('bb-fleet-test-');

async function startFleetApp(env: Record<string, string>): Promise<App> {
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  // Info and up: what an operator's log holds, engine errors (with their causes) included.
  return startApp({ watchdogMs: 2000, backoffMinMs: 100, backoffMaxMs: 500 }, { LOG_LEVEL: 'info', ...env }, { level: 'info', stream });
}

const summaries = async (): Promise<EngineSummary[]> =>
  (await app.inject({ url: '/api/engines', headers: asAdmin(app) })).json<{ engines: EngineSummary[] }>().engines;

const follower = (engines: string[]) => {
  const socket = socketClient(url, { token: adminToken(app) }, engines);
  sockets.push(socket);
  return socket;
};

beforeAll(async () => {
  await fleet('up', '2');
  engines = JSON.parse(readFileSync('/run/bridgeboard-fleet/engines.json', 'utf8')) as FleetEngine[];
  [one, two] = engines as [FleetEngine, FleetEngine];
  onOne = dockerOn(`unix://${one.socketPath}`);
  onTwo = dockerOn(`unix://${two.socketPath}`);
  const tls = one.tls;
  if (!tls) throw new Error('scripts/fleet.sh gave engine 1 no TLS listener');
  const file = join(dir.path, 'engines.yaml');
  writeFileSync(
    file,
    [
      'engines:',
      '  - id: node1',
      '    name: Node one (TLS)',
      `    host: tcp://${tls.host}:${tls.port}`,
      `    tls: { ca: ${tls.ca}, cert: ${tls.cert}, key: ${tls.key} }`,
      '  - id: node2',
      `    host: unix://${two.socketPath}`,
      '',
    ].join('\n'),
  );
  app = await startFleetApp({ ENGINES_FILE: file, BRIDGEBOARD_SECRET_KEY: SECRET_KEY });
  url = await listen(app);
}, 240_000);

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  for (const cli of [onOne, onTwo]) {
    const ids = (await cli('ps', '-aq', '--filter', `name=^${ns}`).catch(() => '')).split('\n').filter(Boolean);
    if (ids.length) await cli('rm', '-f', ...ids).catch(() => '');
    const nets = (await cli('network', 'ls', '-q', '--filter', `name=^${ns}`).catch(() => '')).split('\n').filter(Boolean);
    if (nets.length) await cli('network', 'rm', ...nets).catch(() => '');
  }
  await app.close();
  dir.remove();
});

describe('the fleet', () => {
  it('holds the host engine and the engines of the engines file, each reachable, each with its own hostname', async () => {
    const list = await summaries();
    expect(list.map((e) => [e.id, e.source, e.endpoint.kind, e.endpoint.tls, e.status.reachable])).toEqual([
      ['local', 'environment', 'socket', false, true],
      ['node1', 'file', 'tcp', true, true],
      ['node2', 'file', 'socket', false, true],
    ]);
    expect(list[1]?.name).toBe('Node one (TLS)');
    // The engines differ: each its own daemon, its own name for its host.
    const names = await Promise.all([
      docker('info', '-f', '{{.Name}}'),
      onOne('info', '-f', '{{.Name}}'),
      onTwo('info', '-f', '{{.Name}}'),
    ]);
    expect(new Set(names).size).toBe(3);
  });

  it("each engine's topology equals that engine's docker network inspect", async () => {
    await onTwo('network', 'create', '--subnet', '10.242.77.0/24', `${ns}-two`);
    await onTwo('run', '-d', '--name', `${ns}-c2`, '--network', `${ns}-two`, '--network-alias', 'svc', TEST_IMAGE, 'sleep', '300');
    await onOne('run', '-d', '--name', `${ns}-c1`, TEST_IMAGE, 'sleep', '300');
    const of = (id: string) => () => app.fleet.get(id).store.current;
    await expectEventuallyEqual(of('node1'), 10_000, onOne);
    await expectEventuallyEqual(of('node2'), 10_000, onTwo);
    await expectEventuallyEqual(of('local'), 10_000, docker);
    // What one engine holds is not on another's board.
    expect(findNetwork(app.fleet.get('local').store.current, `${ns}-two`)).toBeUndefined();
    expect(findContainer(app.fleet.get('node1').store.current, `${ns}-c2`)).toBeUndefined();
    const rest = await app.inject({ url: '/api/engines/node2/topology', headers: asAdmin(app) });
    expect(rest.json<{ engine: string; topology: Topology }>().engine).toBe('node2');
    expect(findContainer(rest.json<{ topology: Topology }>().topology, `${ns}-c2`)).toBeDefined();
  });

  it('a change on engine 2 by the CLI reaches those who follow engine 2, and only them', async () => {
    const two = follower(['node2']);
    const local = follower(['local']);
    await Promise.all([nextEvent(two, 'snapshot', (s) => s.engine === 'node2'), nextEvent(local, 'snapshot', (s) => s.engine === 'local')]);
    const heardByLocal: EnginePatch[] = [];
    local.on('patch', (p) => heardByLocal.push(p));
    const made = nextEvent(two, 'patch', (p) => JSON.stringify(p).includes(`${ns}-late`));
    await onTwo('network', 'create', '--subnet', '10.242.78.0/24', `${ns}-late`);
    const [patch] = await made;
    expect(patch.engine).toBe('node2');
    await new Promise((r) => setTimeout(r, 500));
    expect(heardByLocal.filter((p) => p.engine !== 'local')).toEqual([]);
    expect(JSON.stringify(heardByLocal)).not.toContain(`${ns}-late`);
  });

  it('connects and disconnects on engine 2 through the API, and the trail names the engine', async () => {
    const network = `${ns}-late`;
    const res = await app.inject({
      method: 'POST',
      url: `/api/engines/node2/networks/${network}/connections`,
      headers: asAdmin(app),
      payload: { container: `${ns}-c2` },
    });
    expect(res.statusCode).toBe(201);
    expect(await onTwo('inspect', '-f', '{{json .NetworkSettings.Networks}}', `${ns}-c2`)).toContain(network);
    // The same names on another engine: nothing there.
    const elsewhere = await app.inject({
      method: 'POST',
      url: `/api/engines/local/networks/${network}/connections`,
      headers: asAdmin(app),
      payload: { container: `${ns}-c2` },
    });
    expect(elsewhere.statusCode).toBe(404);
    const off = await app.inject({
      method: 'DELETE',
      url: `/api/engines/node2/networks/${network}/connections/${ns}-c2`,
      headers: asAdmin(app),
    });
    expect(off.statusCode).toBe(204);
    expect(await onTwo('inspect', '-f', '{{json .NetworkSettings.Networks}}', `${ns}-c2`)).not.toContain(network);
    const trail = (await app.inject({ url: '/api/audit?engine=node2&action=network.connect', headers: asAdmin(app) })).json<AuditPage>();
    expect(trail.entries[0]).toMatchObject({ engine: 'node2', network, container: `${ns}-c2`, result: 'ok' });
  });

  it('an unknown engine is a 404 naming it, and a malformed one a 400 naming the field', async () => {
    const unknown = await app.inject({ url: '/api/engines/nowhere/topology', headers: asAdmin(app) });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<{ message: string }>().message).toContain("'nowhere'");
    const bad = await app.inject({ url: '/api/engines/No_Such/topology', headers: asAdmin(app) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toMatch(/^params\/engine /);
  });

  it('losing engine 2 shows on engine 2 alone; its return resyncs it', async () => {
    const watcher = follower(['local', 'node1', 'node2']);
    await nextEvent(watcher, 'snapshot', (s) => s.engine === 'node2');
    const states: EngineState[] = [];
    watcher.on('engine', (s) => states.push(s));
    const lost = nextEvent(watcher, 'engine', (s) => s.engine === 'node2' && !s.reachable, 20_000);
    const pid = readFileSync('/run/bridgeboard-fleet/2/docker.pid', 'utf8').trim();
    await exec('kill', ['-9', pid]);
    await lost;
    const during = await summaries();
    expect(during.map((e) => [e.id, e.status.reachable])).toEqual([
      ['local', true],
      ['node1', true],
      ['node2', false],
    ]);
    const health = (await app.inject('/api/health')).json<{ status: string; engines: Record<string, boolean> }>();
    expect(health).toMatchObject({ status: 'degraded', engines: { local: true, node1: true, node2: false } });
    // While engine 2 is away, engine 1 stays live.
    const live = nextEvent(watcher, 'patch', (p) => p.engine === 'node1' && JSON.stringify(p).includes(`${ns}-while`));
    await onOne('network', 'create', '--subnet', '10.241.79.0/24', `${ns}-while`);
    await live;

    const back = nextEvent(watcher, 'engine', (s) => s.engine === 'node2' && s.reachable, 60_000);
    await fleet('up', '2');
    await back;
    await expectEventuallyEqual(() => app.fleet.get('node2').store.current, 15_000, onTwo);
    expect(states.filter((s) => s.engine !== 'node2' && !s.reachable)).toEqual([]);
  }, 120_000);
});

describe('engines an admin adds', () => {
  const tlsBody = () => {
    const tls = one.tls as NonNullable<FleetEngine['tls']>;
    return {
      id: 'node1-api',
      host: `tcp://${tls.host}:${tls.port}`,
      tls: { ca: readFileSync(tls.ca, 'utf8'), cert: readFileSync(tls.cert, 'utf8'), key: readFileSync(tls.key, 'utf8') },
    };
  };

  it('tests, adds and removes a TLS engine; its key is never shown, logged, audited or stored in the clear', async () => {
    const body = tlsBody();
    const keyLine = body.tls.key.split('\n').find((l) => l.length > 40 && !l.startsWith('-----')) ?? '';
    expect(keyLine.length).toBeGreaterThan(40);

    const test = await app.inject({ method: 'POST', url: '/api/engines/test', headers: asAdmin(app), payload: body });
    expect(test.json()).toMatchObject({ reachable: true, error: null });
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/engines/test',
      headers: asAdmin(app),
      payload: { ...body, tls: { ...body.tls, cert: body.tls.ca } },
    });
    expect(wrong.json()).toMatchObject({ reachable: false });

    const added = await app.inject({ method: 'POST', url: '/api/engines', headers: asAdmin(app), payload: body });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      id: 'node1-api',
      source: 'admin',
      endpoint: { kind: 'tcp', tls: true },
      status: { reachable: true },
    });
    const topology = await app.inject({ url: '/api/engines/node1-api/topology', headers: asAdmin(app) });
    expect(findContainer(topology.json<{ topology: Topology }>().topology, `${ns}-c1`)).toBeDefined();

    const again = await app.inject({ method: 'POST', url: '/api/engines', headers: asAdmin(app), payload: body });
    expect(again.statusCode).toBe(409);

    const stored = app.db
      .prepare<[], { secrets: string; tls_cert: string }>("SELECT secrets, tls_cert FROM engines WHERE id = 'node1-api'")
      .get();
    expect(stored?.secrets).toMatch(/^v1:/);
    expect(stored?.secrets).not.toContain(keyLine);

    const removed = await app.inject({ method: 'DELETE', url: '/api/engines/node1-api', headers: asAdmin(app) });
    expect(removed.statusCode).toBe(204);
    expect((await summaries()).map((e) => e.id)).not.toContain('node1-api');
    expect(app.db.prepare("SELECT id FROM engines WHERE id = 'node1-api'").get()).toBeUndefined();

    const everything = [
      JSON.stringify(await summaries()),
      (await app.inject({ url: '/api/audit?limit=500', headers: asAdmin(app) })).body,
      added.body,
      test.body,
      logs.join(''),
    ];
    for (const text of everything) {
      expect(text).not.toContain(keyLine);
      expect(text).not.toContain('PRIVATE KEY');
    }
    const trail = (await app.inject({ url: '/api/audit?action=engine.add', headers: asAdmin(app) })).json<AuditPage>();
    expect(trail.entries.map((e) => [e.result, e.statusCode, e.params])).toEqual([
      ['refused', 409, { id: 'node1-api', host: body.host }],
      ['ok', 201, { id: 'node1-api', host: body.host }],
    ]);
  });

  it('edits an engine an admin added: a new name keeps the keys; a new address drops them; others are edited where declared', async () => {
    const body = tlsBody();
    const keyLine = body.tls.key.split('\n').find((l) => l.length > 40 && !l.startsWith('-----')) ?? '';
    expect(
      (await app.inject({ method: 'POST', url: '/api/engines', headers: asAdmin(app), payload: { ...body, id: 'edited' } })).statusCode,
    ).toBe(201);
    const renamed = await app.inject({
      method: 'PUT',
      url: '/api/engines/edited',
      headers: asAdmin(app),
      payload: { name: 'Renamed', host: body.host },
    });
    expect(renamed.statusCode).toBe(200);
    // Still over TLS with the stored key: it answers.
    expect(renamed.json()).toMatchObject({ id: 'edited', name: 'Renamed', endpoint: { tls: true }, status: { reachable: true } });
    expect(renamed.body).not.toContain(keyLine);
    const moved = await app.inject({
      method: 'PUT',
      url: '/api/engines/edited',
      headers: asAdmin(app),
      payload: { host: `unix://${two.socketPath}` },
    });
    // The name it was given stays: an edit of the address is not a rename (the keys, tied to the old address, go).
    expect(moved.json()).toMatchObject({ name: 'Renamed', endpoint: { kind: 'socket', tls: false }, status: { reachable: true } });
    // Now engine 2 under this id: its containers, and no key kept.
    expect(findContainer(app.fleet.get('edited').store.current, `${ns}-c2`)).toBeDefined();
    expect(app.db.prepare<[], { secrets: string | null }>("SELECT secrets FROM engines WHERE id = 'edited'").get()?.secrets).toBeNull();
    const fromFile = await app.inject({
      method: 'PUT',
      url: '/api/engines/node2',
      headers: asAdmin(app),
      payload: { host: `unix://${two.socketPath}` },
    });
    expect(fromFile.statusCode).toBe(409);
    expect(fromFile.json<{ message: string }>().message).toMatch(/engines file .*change or remove it there/);
    expect((await app.inject({ method: 'DELETE', url: '/api/engines/edited', headers: asAdmin(app) })).statusCode).toBe(204);
  });

  it('refuses what it cannot keep or must not touch, and changes nothing', async () => {
    const before = JSON.stringify((await summaries()).map((e) => e.id));
    const fromFile = await app.inject({ method: 'DELETE', url: '/api/engines/node2', headers: asAdmin(app) });
    expect(fromFile.statusCode).toBe(409);
    expect(fromFile.json<{ message: string }>().message).toMatch(/engines file/);
    const own = await app.inject({ method: 'DELETE', url: '/api/engines/local', headers: asAdmin(app) });
    expect(own.statusCode).toBe(409);
    const badHost = await app.inject({
      method: 'POST',
      url: '/api/engines',
      headers: asAdmin(app),
      payload: { id: 'x', host: 'http://x' },
    });
    expect(badHost.statusCode).toBe(400);
    expect(badHost.json<{ message: string }>().message).toMatch(/^body\/host /);
    const tlsOnSocket = await app.inject({
      method: 'POST',
      url: '/api/engines',
      headers: asAdmin(app),
      payload: { ...tlsBody(), id: 'y', host: `unix://${two.socketPath}` },
    });
    expect(tlsOnSocket.statusCode).toBe(400);
    expect(tlsOnSocket.json<{ message: string }>().message).toMatch(/^tls: /);
    const taken = await app.inject({
      method: 'POST',
      url: '/api/engines',
      headers: asAdmin(app),
      payload: { id: 'node2', host: `unix://${two.socketPath}` },
    });
    expect(taken.statusCode).toBe(409);
    expect(JSON.stringify((await summaries()).map((e) => e.id))).toBe(before);
  });

  it('without BRIDGEBOARD_SECRET_KEY an engine that needs a key is refused, and one that needs none is added', async () => {
    const bare = await startFleetApp({});
    try {
      const refused = await bare.inject({ method: 'POST', url: '/api/engines', headers: asAdmin(bare), payload: tlsBody() });
      expect(refused.statusCode).toBe(409);
      expect(refused.json<{ message: string }>().message).toMatch(/BRIDGEBOARD_SECRET_KEY/);
      const socket = await bare.inject({
        method: 'POST',
        url: '/api/engines',
        headers: asAdmin(bare),
        payload: { id: 'two', host: `unix://${two.socketPath}` },
      });
      expect(socket.statusCode).toBe(201);
      expect(
        (await bare.inject({ url: '/api/engines', headers: asAdmin(bare) })).json<{ engines: EngineSummary[] }>().engines.map((e) => e.id),
      ).toEqual(['local', 'two']);
    } finally {
      await bare.close();
    }
  });
});

describe('a role per engine', () => {
  const tokenWith = async (name: string, role: string, engineRoles: Record<string, string>) => {
    const res = await app.inject({ method: 'POST', url: '/api/tokens', headers: asAdmin(app), payload: { name, role, engineRoles } });
    expect(res.statusCode).toBe(201);
    const made = res.json<{ token: string; engineRoles: Record<string, string> }>();
    expect(made.engineRoles).toEqual(engineRoles);
    return { authorization: `Bearer ${made.token}` };
  };
  const connect = (headers: Record<string, string>, engine: string, network: string, container: string) =>
    app.inject({ method: 'POST', url: `/api/engines/${engine}/networks/${network}/connections`, headers, payload: { container } });

  it('viewer everywhere, operator on node2: may connect on node2 only; the guard and the trail name the engine', async () => {
    const staging = await tokenWith(`${ns}-staging`, 'viewer', { node2: 'operator' });
    await onTwo('network', 'create', '--subnet', '10.242.80.0/24', `${ns}-roles`);
    await expect.poll(() => findNetwork(app.fleet.get('node2').store.current, `${ns}-roles`) !== undefined).toBe(true);
    const there = await connect(staging, 'node2', `${ns}-roles`, `${ns}-c2`);
    expect(there.statusCode).toBe(201);
    expect(await onTwo('inspect', '-f', '{{json .NetworkSettings.Networks}}', `${ns}-c2`)).toContain(`${ns}-roles`);

    const before = await docker('network', 'ls', '-q');
    const here = await connect(staging, 'local', 'bridge', 'anything');
    expect(here.statusCode).toBe(403);
    expect(here.json<{ message: string }>().message).toBe(`token:${ns}-staging is viewer on engine 'local': this needs the operator role`);
    const made = await app.inject({
      method: 'POST',
      url: '/api/engines/node1/networks',
      headers: staging,
      payload: { name: `${ns}-nope` },
    });
    expect(made.statusCode).toBe(403);
    expect(await docker('network', 'ls', '-q')).toBe(before);
    expect(await onOne('network', 'ls', '-q', '--filter', `name=${ns}-nope`)).toBe('');
    // Reading stays open everywhere; the fleet's own admin routes follow the default role.
    expect((await app.inject({ url: '/api/engines/local/topology', headers: staging })).statusCode).toBe(200);
    expect((await app.inject({ method: 'DELETE', url: '/api/engines/node2', headers: staging })).statusCode).toBe(403);

    const trail = (await app.inject({ url: '/api/audit?action=network.connect&limit=500', headers: asAdmin(app) })).json<AuditPage>();
    const mine = trail.entries.filter((e) => e.user === `token:${ns}-staging`).map((e) => [e.engine, e.role, e.result]);
    expect(mine).toEqual([
      ['local', 'viewer', 'refused'],
      ['node2', 'operator', 'ok'],
    ]);
  });

  it('no access to node1: not listed, not followed, not answered, and its trail is not shown; the rest as the default role', async () => {
    const blind = await tokenWith(`${ns}-blind`, 'operator', { node1: 'none' });
    const listed = (await app.inject({ url: '/api/engines', headers: blind })).json<{ engines: EngineSummary[] }>().engines;
    expect(listed.map((e) => e.id)).toEqual(['local', 'node2']);
    const read = await app.inject({ url: '/api/engines/node1/topology', headers: blind });
    expect(read.statusCode).toBe(403);
    expect(read.json<{ message: string }>().message).toBe(`token:${ns}-blind has no access to engine 'node1'`);
    const networks = await onOne('network', 'ls', '-q');
    const made = await app.inject({ method: 'POST', url: '/api/engines/node1/networks', headers: blind, payload: { name: `${ns}-blind` } });
    expect(made.statusCode).toBe(403);
    expect(await onOne('network', 'ls', '-q')).toBe(networks);
    // The socket: node1 refused, node2 followed; nothing of node1 arrives.
    const socket = socketClient(url, { token: blind.authorization.slice('Bearer '.length) }, []);
    sockets.push(socket);
    const heard: string[] = [];
    socket.onAny((event: string, payload: { engine?: string }) => heard.push(`${event}:${payload.engine ?? ''}`));
    await new Promise<void>((resolve) => (socket.connected ? resolve() : socket.once('connect', () => resolve())));
    const ack = await socket.emitWithAck('subscribe', ['node1', 'node2']);
    expect(ack).toEqual({ engines: ['node2'], refused: [{ engine: 'node1', reason: 'no access' }] });
    await onOne('network', 'create', '--subnet', '10.241.93.0/24', `${ns}-unseen`);
    await expect.poll(() => findNetwork(app.fleet.get('node1').store.current, `${ns}-unseen`) !== undefined).toBe(true);
    // An admin's action on node1 is audited, and not shown to the blind token, live or later.
    await app.inject({ method: 'DELETE', url: `/api/engines/node1/networks/${ns}-unseen`, headers: asAdmin(app) });
    await new Promise((r) => setTimeout(r, 300));
    expect(heard.filter((h) => h.endsWith(':node1'))).toEqual([]);
    const trail = (await app.inject({ url: '/api/audit?limit=500', headers: blind })).json<AuditPage>();
    expect(trail.entries.filter((e) => e.engine === 'node1')).toEqual([]);
    const all = (await app.inject({ url: '/api/audit?limit=500', headers: asAdmin(app) })).json<AuditPage>();
    expect(all.entries.some((e) => e.engine === 'node1' && e.action === 'network.remove')).toBe(true);
  });

  it('operator everywhere, viewer on node2: refused on node2, and the engine is unchanged', async () => {
    const careful = await tokenWith(`${ns}-careful`, 'operator', { node2: 'viewer' });
    const networks = await onTwo('inspect', '-f', '{{json .NetworkSettings.Networks}}', `${ns}-c2`);
    const refused = await connect(careful, 'node2', `${ns}-late`, `${ns}-c2`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ message: string }>().message).toMatch(/is viewer on engine 'node2'/);
    expect(await onTwo('inspect', '-f', '{{json .NetworkSettings.Networks}}', `${ns}-c2`)).toBe(networks);
  });

  it('an admin gives a user a role on one engine; the user sees it in /api/auth/me', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: asAdmin(app),
      payload: { username: 'vera', password: 'a password long enough', role: 'viewer' },
    });
    expect(created.statusCode).toBe(201);
    const changed = await app.inject({
      method: 'PATCH',
      url: '/api/users/vera',
      headers: asAdmin(app),
      payload: { engineRoles: { node1: 'operator' } },
    });
    expect(changed.json()).toMatchObject({ username: 'vera', role: 'viewer', engineRoles: { node1: 'operator' } });
    const bad = await app.inject({
      method: 'PATCH',
      url: '/api/users/vera',
      headers: asAdmin(app),
      payload: { engineRoles: { node1: 'owner' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toMatch(/^body\/engineRoles/);
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'vera', password: 'a password long enough' },
    });
    expect(login.json<{ user: unknown }>().user).toMatchObject({ role: 'viewer', engineRoles: { node1: 'operator' } });
  });
});
