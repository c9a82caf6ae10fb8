/**
 * Swarm against real engines: scripts/fleet.sh makes a two-node swarm (engine 1 the manager,
 * engine 2 a worker, each a dockerd in its own network namespace with its own hostname). On it an
 * attachable overlay with a standalone container on each node and a two-replica service, one task
 * per node. The manager's board holds the swarm as the manager lists it; the overlay is one,
 * stitched across both nodes; what happens on node 2 reaches both boards; a connect sent to the
 * worker attaches its container.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnginePatch } from '@bridgeboard/contract';
import { findNetwork, overlaySpan, type Topology } from '@bridgeboard/topology';
import { adminToken, asAdmin, listen, nextEvent, socketClient, startApp, type App, type ClientSocket } from './helpers/app.js';
import { tempDir } from './helpers/child.js';
import { expectEventuallyEqual } from './helpers/compare.js';
import { dockerOn, namespace, TEST_IMAGE } from './helpers/engine.js';

const exec = promisify(execFile);
const FLEET = fileURLToPath(new URL('../../../scripts/fleet.sh', import.meta.url));
const fleet = (...args: string[]) => exec('bash', [FLEET, ...args], { timeout: 240_000 });

interface FleetEngine {
  n: number;
  socketPath: string;
}

const ns = namespace('swarm');
const overlay = `${ns}-ov`;
const service = `${ns}-web`;
let onOne: ReturnType<typeof dockerOn>;
let onTwo: ReturnType<typeof dockerOn>;
let app: App;
let url: string;
let overlayId: string;
const sockets: ClientSocket[] = [];
const dir = tempDir('bb-swarm-test-');

const manager = (): Topology => app.fleet.get('node1').store.current;
const worker = (): Topology => app.fleet.get('node2').store.current;

async function eventually(check: () => void | Promise<void>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** One node's own `docker network inspect` of the overlay: its endpoints, less the load balancer's sandbox. */
async function localView(cli: typeof onOne): Promise<{ endpointId: string; ipv4: string }[]> {
  const raw = JSON.parse(await cli('network', 'inspect', '-f', '{{json .Containers}}', overlay)) as Record<
    string,
    { EndpointID: string; IPv4Address: string }
  > | null;
  return Object.entries(raw ?? {})
    .filter(([key]) => !key.startsWith('lb-'))
    .map(([, c]) => ({ endpointId: c.EndpointID, ipv4: c.IPv4Address.split('/')[0] ?? '' }));
}

const byId = (a: { endpointId: string }, b: { endpointId: string }) => a.endpointId.localeCompare(b.endpointId);

function stitched(t: Topology): { endpointId: string; ipv4: string | null }[] {
  const span = overlaySpan(t, overlayId);
  return [
    ...span.local.map((e) => ({ endpointId: e.endpointId, ipv4: e.ipv4 })),
    ...span.remote.map((m) => ({ endpointId: m.endpointId, ipv4: m.ipv4 })),
  ].sort(byId);
}

const union = async () => [...(await localView(onOne)), ...(await localView(onTwo))].sort(byId);

beforeAll(async () => {
  await fleet('up', '2');
  await fleet('swarm', '2');
  const engines = JSON.parse(readFileSync('/run/bridgeboard-fleet/engines.json', 'utf8')) as FleetEngine[];
  const [one, two] = engines as [FleetEngine, FleetEngine];
  onOne = dockerOn(`unix://${one.socketPath}`);
  onTwo = dockerOn(`unix://${two.socketPath}`);
  // Overlays always get an explicit subnet: the swarm's pool runs out (environment.md).
  overlayId = await onOne('network', 'create', '-d', 'overlay', '--attachable', '--subnet', '10.253.71.0/24', overlay);
  await onOne('run', '-d', '--name', `${ns}-a`, '--network', overlay, TEST_IMAGE, 'sleep', '600');
  await onTwo('run', '-d', '--name', `${ns}-b`, '--network', overlay, '--network-alias', 'bee', TEST_IMAGE, 'sleep', '600');
  // No IPVS in this kernel: dnsrr needs no VIP to answer by name. One task per node.
  await onOne(
    'service',
    'create',
    '-d',
    '--no-resolve-image',
    '--name',
    service,
    '--replicas',
    '2',
    '--replicas-max-per-node',
    '1',
    '--endpoint-mode',
    'dnsrr',
    '--stop-grace-period',
    '1s',
    '--network',
    overlay,
    TEST_IMAGE,
    'sleep',
    '600',
  );
  const file = join(dir.path, 'engines.yaml');
  writeFileSync(
    file,
    ['engines:', '  - id: node1', `    host: unix://${one.socketPath}`, '  - id: node2', `    host: unix://${two.socketPath}`, ''].join(
      '\n',
    ),
  );
  // No poll here (10 min): what these tests see comes from events, each engine's own and those its
  // swarm peers in the fleet pass on (fleet/swarm-peers.ts), not from re-reading on a timer.
  app = await startApp({ watchdogMs: 2000, backoffMinMs: 100, backoffMaxMs: 500, swarmPollMs: 600_000 }, { ENGINES_FILE: file });
  url = await listen(app);
}, 300_000);

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await onOne('service', 'rm', service, `${ns}-pub`, `${ns}-healthy`).catch(() => '');
  for (const cli of [onOne, onTwo]) {
    const ids = (await cli('ps', '-aq', '--filter', `name=^${ns}`).catch(() => '')).split('\n').filter(Boolean);
    if (ids.length) await cli('rm', '-f', ...ids).catch(() => '');
  }
  // A service's endpoints go a moment after the service: until then the overlay is in use.
  await eventually(() => onOne('network', 'rm', overlay).then(() => undefined), 20_000).catch(() => undefined);
  await app.close();
  dir.remove();
}, 60_000);

describe('a two-node swarm', () => {
  it("the manager's board holds the nodes, the service and its tasks as the manager lists them", async () => {
    const hostnames = (await onOne('node', 'ls', '--format', '{{.Hostname}} {{.ManagerStatus}}')).split('\n').sort();
    await eventually(async () => {
      const t = manager();
      expect(
        Object.values(t.nodes)
          .map((n) => `${n.hostname} ${n.leader ? 'Leader' : ''}`.trim())
          .sort(),
      ).toEqual(hostnames.map((h) => h.trim()));
      const s = Object.values(t.services).find((x) => x.name === service);
      expect(s).toMatchObject({ mode: 'replicated', replicas: 2, endpointMode: 'dnsrr', networks: [overlayId] });
      const ps = (await onOne('service', 'ps', '--filter', 'desired-state=running', '--format', '{{.Node}} {{.CurrentState}}', service))
        .split('\n')
        .map((line) => line.split(' ').slice(0, 2).join(' '))
        .sort();
      const ours = Object.values(t.tasks)
        .filter((task) => task.serviceId === s?.id && task.desiredState === 'running')
        .map((task) => `${t.nodes[task.nodeId]?.hostname ?? '?'} ${task.state[0]?.toUpperCase() ?? ''}${task.state.slice(1)}`)
        .sort();
      expect(ours).toEqual(ps);
      expect(ours).toEqual(['bb-node-1 Running', 'bb-node-2 Running']);
    }, 30_000);
    // The worker cannot list the swarm: it knows itself.
    expect(Object.values(worker().nodes).map((n) => [n.hostname, n.role, n.self])).toEqual([['bb-node-2', 'worker', true]]);
    expect(worker().services).toEqual({});
    // Longer than the wait above, so that a board that never settles fails on what it holds, not on the clock.
  }, 45_000);

  it("each engine's networks and containers still equal that engine's docker network inspect", async () => {
    await expectEventuallyEqual(manager, 15_000, onOne);
    await expectEventuallyEqual(worker, 15_000, onTwo);
  });

  it("the overlay is one: its stitched view equals the union of both nodes' own views, on the manager and on the worker", async () => {
    await eventually(async () => {
      const expected = await union();
      expect(expected).toHaveLength(4); // a and b, one task per node
      expect(stitched(manager())).toEqual(expected);
      expect(stitched(worker())).toEqual(expected);
    }, 20_000);
    // Each endpoint once, named for the node it runs on.
    const span = overlaySpan(manager(), overlayId);
    const node2 = Object.values(manager().nodes).find((n) => n.hostname === 'bb-node-2');
    expect(span.remote.map((m) => m.nodeAddr)).toEqual(span.remote.map(() => node2?.addr));
    expect(span.remote.map((m) => m.service ?? m.name).sort()).toEqual([`${ns}-b`, service]);
  });

  it("a connect on node 2 by the CLI arrives as a patch on node 2's board and in the manager's overlay", async () => {
    const follower = socketClient(url, { token: adminToken(app) }, ['node1', 'node2']);
    sockets.push(follower);
    await Promise.all([
      nextEvent(follower, 'snapshot', (s) => s.engine === 'node1'),
      nextEvent(follower, 'snapshot', (s) => s.engine === 'node2'),
    ]);
    await onTwo('run', '-d', '--name', `${ns}-late`, TEST_IMAGE, 'sleep', '600');
    const lateId = (await onTwo('inspect', '-f', '{{.Id}}', `${ns}-late`)).trim();
    const onWorker = nextEvent(
      follower,
      'patch',
      (p: EnginePatch) =>
        p.engine === 'node2' && p.ops.some((o) => o.op === 'put' && o.kind === 'endpoints' && o.key === `${overlayId}/${lateId}`),
    );
    const onManager = nextEvent(
      follower,
      'patch',
      (p: EnginePatch) =>
        p.engine === 'node1' && p.ops.some((o) => o.op === 'put' && o.kind === 'members' && o.value.name === `${ns}-late`),
    );
    await onTwo('network', 'connect', overlay, `${ns}-late`);
    await Promise.all([onWorker, onManager]);
    await eventually(async () => expect(stitched(manager())).toEqual(await union()), 10_000);
  });

  it('scaling the service by the CLI is followed on the manager: tasks and overlay members, by targeted re-reads', async () => {
    const patches: EnginePatch[] = [];
    const follower = socketClient(url, { token: adminToken(app) }, ['node1']);
    sockets.push(follower);
    await nextEvent(follower, 'snapshot', (s) => s.engine === 'node1');
    follower.on('patch', (p) => patches.push(p));
    await onOne('service', 'scale', '-d', `${service}=1`);
    await eventually(async () => {
      const s = Object.values(manager().services).find((x) => x.name === service);
      expect(s?.replicas).toBe(1);
      const running = Object.values(manager().tasks).filter((t) => t.serviceId === s?.id && t.state === 'running');
      expect(running).toHaveLength(1);
      expect(stitched(manager())).toEqual(await union());
    }, 30_000);
    // Only the swarm's kinds and the task container that went changed: no network was re-listed.
    const kinds = new Set(patches.flatMap((p) => p.ops.map((o) => o.kind)));
    expect(kinds.has('services') && kinds.has('tasks') && kinds.has('members')).toBe(true);
    expect(patches.flatMap((p) => p.ops).filter((o) => o.kind === 'networks')).toEqual([]);
  });

  it('a task that turns running with no event of its own (its health check passing) is seen running on the manager', async () => {
    const slow = `${ns}-healthy`;
    // A task stays `starting` until its health check passes; the change reaches the manager from
    // the worker, and no event the board reads says so. 12 s: past the looks a service event brings.
    await onOne(
      'service',
      'create',
      '-d',
      '--no-resolve-image',
      '--name',
      slow,
      '--constraint',
      'node.hostname==bb-node-2',
      '--health-cmd',
      'test -e /tmp/up',
      '--health-interval',
      '1s',
      // Failed checks inside the start period do not count: the task is not killed as unhealthy.
      '--health-start-period',
      '30s',
      '--stop-grace-period',
      '1s',
      TEST_IMAGE,
      'sh',
      '-c',
      'sleep 12; touch /tmp/up; exec sleep 600',
    );
    const tasksOf = () => {
      const s = Object.values(manager().services).find((x) => x.name === slow);
      return Object.values(manager().tasks).filter((t) => t.serviceId === s?.id && t.desiredState === 'running');
    };
    await eventually(() => expect(tasksOf().map((t) => t.state)).toEqual(['starting']), 20_000);
    await eventually(async () => {
      const cli = await onOne('service', 'ps', '--format', '{{.CurrentState}}', slow);
      expect(cli).toMatch(/^Running /);
      expect(tasksOf().map((t) => t.state)).toEqual(['running']);
    }, 30_000);
    await onOne('service', 'rm', slow);
  }, 60_000);

  it('a connect sent to the worker through the API attaches its container to the overlay, and the manager sees it', async () => {
    await onTwo('run', '-d', '--name', `${ns}-dragged`, TEST_IMAGE, 'sleep', '600');
    await eventually(() => expect(Object.values(worker().containers).some((c) => c.name === `${ns}-dragged`)).toBe(true), 10_000);
    const res = await app.inject({
      method: 'POST',
      url: `/api/engines/node2/networks/${overlay}/connections`,
      headers: asAdmin(app),
      payload: { container: `${ns}-dragged` },
    });
    expect(res.statusCode).toBe(201);
    expect(await onTwo('inspect', '-f', '{{json .NetworkSettings.Networks}}', `${ns}-dragged`)).toContain(overlay);
    await eventually(
      () => expect(Object.values(manager().members).some((m) => m.networkId === overlayId && m.name === `${ns}-dragged`)).toBe(true),
      10_000,
    );
    expect(findNetwork(worker(), overlay)?.scope).toBe('swarm');
  });

  it('reachability knows the overlay across nodes, and live probes from node 1 prove it on node 2', async () => {
    const on = await app.inject({ method: 'PUT', url: '/api/settings', headers: asAdmin(app), payload: { probesEnabled: true } });
    expect(on.statusCode).toBe(200);
    const predicted = await app.inject({ url: `/api/engines/node1/reachability/across-nodes?from=${ns}-a`, headers: asAdmin(app) });
    expect(predicted.statusCode).toBe(200);
    const pairs = predicted.json<{
      pairs: { to: string; byName: boolean; byIp: boolean; reason: string; explanation: string; names: string[] }[];
    }>().pairs;
    const toB = pairs.find((p) => p.to === `${ns}-b`);
    expect(toB).toMatchObject({ byName: true, byIp: true, reason: 'overlay' });
    // Its alias on the overlay, which only node 2's own engine knows (the fleet holds it).
    expect(toB?.names).toEqual([`${ns}-b`, 'bee']);
    expect(toB?.explanation).toContain('bb-node-2');
    const probe = await app.inject({
      method: 'POST',
      url: '/api/engines/node1/reachability/probe',
      headers: asAdmin(app),
      payload: { from: `${ns}-a`, network: overlay, acrossNodes: true },
    });
    expect(probe.statusCode).toBe(200);
    type Probed = {
      to: string;
      observed: { byName: boolean; byIp: boolean } | null;
      agrees: boolean | null;
      tried: Record<string, boolean>;
    };
    const probed = probe.json<{ pairs: Probed[] }>().pairs;
    const remote = probed.filter((p) => pairs.some((x) => x.to === p.to));
    expect(remote.map((p) => p.to)).toContain(`${ns}-b`);
    for (const p of remote) expect(p, p.to).toMatchObject({ observed: { byName: true, byIp: true }, agrees: true });
    // By its alias too, from node 1.
    expect(remote.find((p) => p.to === `${ns}-b`)?.tried).toMatchObject({ bee: true });
    // Without a source there is nothing to probe across nodes from.
    const bad = await app.inject({
      method: 'POST',
      url: '/api/engines/node1/reachability/probe',
      headers: asAdmin(app),
      payload: { acrossNodes: true },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toContain('body/acrossNodes');
  });

  it("exposure lists a service's published ports and the nodes that answer on them", async () => {
    await onOne(
      'service',
      'create',
      '-d',
      '--no-resolve-image',
      '--name',
      `${ns}-pub`,
      '--replicas',
      '1',
      '--stop-grace-period',
      '1s',
      '--constraint',
      'node.hostname==bb-node-2',
      '--publish',
      'published=18181,target=80,mode=host',
      '--publish',
      'published=18182,target=81',
      TEST_IMAGE,
      'sleep',
      '600',
    );
    await eventually(async () => {
      const res = await app.inject({ url: '/api/engines/node1/exposure', headers: asAdmin(app) });
      const ports = res.json<{ swarmPorts: unknown[] }>().swarmPorts;
      expect(ports).toEqual([
        {
          service: `${ns}-pub`,
          protocol: 'tcp',
          targetPort: 80,
          publishedPort: 18181,
          publishMode: 'host',
          listensOn: ['bb-node-2'],
          servedBy: ['bb-node-2'],
        },
        {
          service: `${ns}-pub`,
          protocol: 'tcp',
          targetPort: 81,
          publishedPort: 18182,
          publishMode: 'ingress',
          listensOn: ['bb-node-1', 'bb-node-2'],
          servedBy: ['bb-node-2'],
        },
      ]);
    }, 30_000);
    await onOne('service', 'rm', `${ns}-pub`);
  });
});
