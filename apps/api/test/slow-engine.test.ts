import { setTimeout as sleep } from 'node:timers/promises';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineContainer } from '@bridgeboard/topology';
import { findContainer } from '@bridgeboard/topology';
import { inspectedKey, KnownContainers, listedKey } from '../src/engine/known-containers.js';
import { adminToken, listen, nextEvent, socketClient, startApp, type App, type ClientSocket } from './helpers/app.js';
import { expectEventuallyEqual } from './helpers/compare.js';
import { cleanup, docker, namespace, runContainer, TEST_IMAGE } from './helpers/engine.js';
import { EngineProxy } from './helpers/engine-proxy.js';

const ns = namespace('slow');
const net = `${ns}-net`;
const other = `${ns}-other`;
const fast = { backoffMinMs: 100, backoffMaxMs: 500, watchdogMs: 1000 };
const INSPECT = /^(?:\/v[\d.]+)?\/containers\/([0-9a-f]{64})\/json/;

/** The container ids the proxy saw inspected, in `requests` from `from` on. */
const inspectedIds = (proxy: EngineProxy, from = 0) =>
  new Set(proxy.requests.slice(from).flatMap((r) => INSPECT.exec(r.split(' ')[1] ?? '')?.[1] ?? []));

async function until(what: string, ok: () => boolean, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting: ${what}`);
    await sleep(50);
  }
}

describe('a slow engine is not a lost engine', () => {
  const sockets: ClientSocket[] = [];
  beforeAll(async () => {
    await cleanup('bbt-slow-');
    await docker('network', 'create', '--subnet', '10.198.7.0/24', net);
    await docker('network', 'create', '--subnet', '10.198.8.0/24', other);
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await cleanup(ns);
  });

  async function watched(proxy: EngineProxy): Promise<{ app: App; socket: ClientSocket; lost: string[] }> {
    const app = await startApp({ ...fast, callTimeoutMs: 250 }, { DOCKER_HOST: proxy.dockerHost });
    const socket = socketClient(await listen(app), { token: adminToken(app) });
    sockets.push(socket);
    await nextEvent(socket, 'snapshot');
    const lost: string[] = [];
    socket.on('engine', (s) => {
      if (!s.reachable) lost.push(new Date().toISOString());
    });
    return { app, socket, lost };
  }

  it('makes a read that missed its deadline again, for that object alone: the stream stays, nobody hears the engine went away', async () => {
    const proxy = new EngineProxy();
    await proxy.open();
    const { app, lost } = await watched(proxy);
    try {
      const streams = () => proxy.requests.filter((r) => r.includes('/events')).length;
      expect(streams()).toBe(1);
      const from = proxy.requests.length;
      // Every container inspect now takes longer than the 250 ms deadline of a first attempt.
      proxy.slowDown({ path: INSPECT, ms: 400 });
      const id = await runContainer(`${ns}-late`, '--network', net, '--network-alias', 'late-alias');
      await docker('network', 'connect', '--alias', 'also', other, `${ns}-late`);

      await until('the container and both its links in the store', () => {
        const t = app.defaultEngine.store.current;
        const c = findContainer(t, `${ns}-late`);
        return !!c && Object.values(t.endpoints).filter((e) => e.containerId === c.id).length === 2;
      });
      const endpoint = Object.values(app.defaultEngine.store.current.endpoints).find(
        (e) => e.containerId === id && e.aliases.includes('also'),
      );
      expect(endpoint).toBeDefined();
      // The first read missed its deadline and was made again; the stream was never reopened.
      expect(proxy.requests.slice(from).filter((r) => r.includes(`/containers/${id}/json`)).length).toBeGreaterThanOrEqual(2);
      expect(streams()).toBe(1);
      expect(lost).toEqual([]);
      proxy.slowDown(null);
      await expectEventuallyEqual(() => app.defaultEngine.store.current);
    } finally {
      await app.close();
      await proxy.close();
    }
  });

  it('relists after a reconnect with inspects of only what changed while away', async () => {
    const steady = await Promise.all([1, 2, 3].map((i) => runContainer(`${ns}-steady-${i}`, '--network', net)));
    const moved = await runContainer(`${ns}-moved`, '--network', net);
    const created = await docker('create', '--name', `${ns}-created`, '--network', net, TEST_IMAGE, 'sleep', '1');
    const proxy = new EngineProxy();
    await proxy.open();
    const { app, socket } = await watched(proxy);
    try {
      const down = nextEvent(socket, 'engine', (s) => !s.reachable);
      await proxy.cut();
      await down;
      const born = await runContainer(`${ns}-born`, '--network', net);
      await docker('network', 'connect', other, moved);

      const from = proxy.requests.length;
      const up = nextEvent(socket, 'engine', (s) => s.reachable);
      await proxy.open();
      await up;
      const inspected = inspectedIds(proxy, from);
      for (const id of [born, moved, created]) expect(inspected.has(id), `${id} inspected`).toBe(true);
      for (const id of steady) expect(inspected.has(id), `steady ${id} not inspected`).toBe(false);
      await expectEventuallyEqual(() => app.defaultEngine.store.current);
    } finally {
      await app.close();
      await proxy.close();
    }
  });

  it('tells a listed container from its inspect exactly: equal for every way a container can be wired, different after a change', async () => {
    const engine = new Docker();
    await runContainer(
      `${ns}-k-alias`,
      '--network',
      net,
      '--network-alias',
      'k',
      '--ip',
      '10.198.7.77',
      '-p',
      '127.0.0.1::80',
      '--label',
      'x=1',
    );
    await runContainer(`${ns}-k-host`, '--network', 'host');
    await runContainer(`${ns}-k-none`, '--network', 'none');
    await runContainer(`${ns}-k-shared`, '--network', `container:${ns}-k-alias`);
    const listed = await engine.listContainers({ all: true, filters: { name: [`${ns}-k-`] } });
    expect(listed).toHaveLength(4);
    const known = new KnownContainers();
    for (const c of listed) {
      const inspect = (await engine.getContainer(c.Id).inspect()) as unknown as EngineContainer;
      expect(listedKey(c), c.Names[0]).toBe(inspectedKey(inspect));
      known.remember(inspect);
      expect(known.reusable(c), c.Names[0]).toBeDefined();
    }
    // A new link changes the list's view of the container: it is read again.
    await docker('network', 'connect', other, `${ns}-k-alias`);
    const after = (await engine.listContainers({ all: true, filters: { name: [`${ns}-k-alias`] } }))[0];
    expect(after && known.reusable(after)).toBeUndefined();
  });
});
