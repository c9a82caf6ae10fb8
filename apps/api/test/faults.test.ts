import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineStatus, Snapshot } from '@bridgeboard/contract';
import { findContainer, findNetwork } from '@bridgeboard/topology';
import { adminToken, asAdmin, listen, nextEvent, socketClient, startApp, type ClientSocket } from './helpers/app.js';
import { engineFacts, expectEventuallyEqual, topologyFacts } from './helpers/compare.js';
import { cleanup, docker, namespace, runContainer } from './helpers/engine.js';
import { EngineProxy } from './helpers/engine-proxy.js';
import { restartEngine } from './helpers/engine-restart.js';

const ns = namespace('faults');
const fastBackoff = { backoffMinMs: 100, backoffMaxMs: 500, watchdogMs: 1000 };

describe('faults lose nothing', () => {
  const sockets: ClientSocket[] = [];
  beforeAll(async () => {
    await cleanup('bbt-faults-');
    await docker('network', 'create', `${ns}-net`);
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await cleanup(ns);
  });

  it('shows what changed while the API was cut off from the engine, once it is back', async () => {
    const proxy = new EngineProxy();
    await proxy.open();
    const app = await startApp(fastBackoff, { DOCKER_HOST: proxy.dockerHost });
    try {
      const socket = socketClient(await listen(app), { token: adminToken(app) });
      sockets.push(socket);
      await nextEvent(socket, 'snapshot');
      const down = nextEvent(socket, 'engine', (s) => !s.reachable);
      await proxy.cut();
      await down;

      // The engine goes on without us.
      await runContainer(`${ns}-while-away`, '--network', `${ns}-net`);
      await docker('network', 'create', `${ns}-born-away`);

      const up = nextEvent(socket, 'engine', (s) => s.reachable);
      const patch = nextEvent(socket, 'patch', (p) => p.ops.length > 0);
      await proxy.open();
      await up;
      const [p] = await patch;
      expect(p.rev).toBeGreaterThan(0);
      expect(findContainer(app.defaultEngine.store.current, `${ns}-while-away`)).toBeDefined();
      expect(findNetwork(app.defaultEngine.store.current, `${ns}-born-away`)).toBeDefined();
      expect(topologyFacts(app.defaultEngine.store.current)).toEqual(await engineFacts());
    } finally {
      await app.close();
      await proxy.close();
    }
  });

  it('survives an engine restart: clients hear it went away, then get a state equal to the engine', async () => {
    // No live-restore: a restarted engine starts only containers with a restart policy.
    await runContainer(`${ns}-survivor`, '--network', `${ns}-net`, '--restart', 'always');
    const app = await startApp(fastBackoff);
    try {
      const url = await listen(app);
      const socket = socketClient(url, { token: adminToken(app) });
      sockets.push(socket);
      const engineEvents: EngineStatus[] = [];
      socket.on('engine', (s) => engineEvents.push(s));
      await nextEvent(socket, 'snapshot');
      const snapshots: Snapshot[] = [];
      socket.on('snapshot', (s) => snapshots.push(s));

      await restartEngine();
      await expect.poll(() => engineEvents.some((s) => !s.reachable), { timeout: 15_000 }).toBe(true);
      await expect.poll(() => app.defaultEngine.watcher.status.reachable, { timeout: 30_000 }).toBe(true);
      await expect.poll(() => engineEvents.at(-1)?.reachable, { timeout: 5000 }).toBe(true);
      await expectEventuallyEqual(() => app.defaultEngine.store.current, 15_000);

      // A client that reconnects (or resyncs) gets a snapshot equal to the engine.
      const fresh = socketClient(url, { token: adminToken(app) });
      sockets.push(fresh);
      const [snapshot] = await nextEvent(fresh, 'snapshot');
      expect(topologyFacts(snapshot.topology)).toEqual(await engineFacts());
      const survivor = findContainer(snapshot.topology, `${ns}-survivor`);
      expect(survivor?.state).toBe('running');
    } finally {
      await app.close();
    }
  });

  it('ends 200 concurrent connects and disconnects from several clients equal to docker network inspect', async () => {
    const app = await startApp();
    try {
      const url = await listen(app);
      const names = Array.from({ length: 5 }, (_, i) => `${ns}-c${i}`);
      const nets = Array.from({ length: 4 }, (_, i) => `${ns}-n${i}`);
      await Promise.all(nets.map((n) => docker('network', 'create', n)));
      await Promise.all(names.map((n) => runContainer(n)));
      // Several clients: independent HTTP connections, each firing its share at once.
      const ops = Array.from({ length: 200 }, (_, i) => {
        const container = names[i % names.length] as string;
        const network = nets[Math.floor(i / names.length) % nets.length] as string;
        return i % 3 === 2
          ? fetch(`${url}/api/engines/local/networks/${network}/connections/${container}`, { method: 'DELETE', headers: asAdmin(app) })
          : fetch(`${url}/api/engines/local/networks/${network}/connections`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', ...asAdmin(app) },
              body: JSON.stringify({ container }),
            });
      });
      const statuses = (await Promise.all(ops)).map((r) => r.status);
      // Races give 409/404 answers (already connected, not attached), never a server error.
      expect(statuses.filter((s) => s >= 500)).toEqual([]);
      expect(statuses.filter((s) => s === 201 || s === 204).length).toBeGreaterThan(0);
      await sleep(200);
      await expectEventuallyEqual(() => app.defaultEngine.store.current, 10_000);
    } finally {
      await app.close();
    }
  });
});
