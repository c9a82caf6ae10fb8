import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ENGINE_ID, type Activity, type Snapshot } from '@bridgeboard/contract';
import { findContainer, findNetwork, receivePatch, type Patch, type Topology } from '@bridgeboard/topology';
import { adminToken, asAdmin, listen, nextEvent, socketClient, startApp, type App, type ClientSocket } from './helpers/app.js';
import { topologyFacts } from './helpers/compare.js';
import { cleanup, docker, namespace, runContainer } from './helpers/engine.js';

const ns = namespace('realtime');

/** A client that keeps its own copy with the web app's own rule (receivePatch): snapshot, then patches in order. */
function mirror(socket: ClientSocket) {
  const state: { topology: Topology | null; gaps: number } = { topology: null, gaps: 0 };
  socket.on('snapshot', (s: Snapshot) => (state.topology = s.topology));
  socket.on('patch', (p: Patch) => {
    const received = receivePatch(state.topology ?? undefined, p);
    if (received.kind === 'apply') state.topology = received.topology;
    if (received.kind === 'resync' && state.topology) {
      state.gaps++;
      socket.emit('resync', DEFAULT_ENGINE_ID);
    }
  });
  return state;
}

describe('socket.io protocol', () => {
  let app: App;
  let url: string;
  const sockets: ClientSocket[] = [];
  const client = () => {
    const s = socketClient(url, { token: adminToken(app) });
    sockets.push(s);
    return s;
  };

  beforeAll(async () => {
    await cleanup('bbt-realtime-');
    await docker('network', 'create', `${ns}-net`);
    await runContainer(`${ns}-c1`);
    app = await startApp();
    url = await listen(app);
  });

  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await app.close();
    await cleanup(ns);
  });

  it('sends the engine state and a snapshot on connect, equal to GET /api/engines/local/topology', async () => {
    const socket = client();
    const [[engine], [snapshot]] = await Promise.all([nextEvent(socket, 'engine'), nextEvent(socket, 'snapshot')]);
    expect(engine.reachable).toBe(true);
    const rest = (await app.inject({ method: 'GET', url: '/api/engines/local/topology', headers: asAdmin(app) })).json<Snapshot>();
    expect(snapshot).toEqual(rest);
  });

  it('turns a `docker network connect` done with the CLI into one patch carrying the endpoint', async () => {
    const socket = client();
    const [snapshot] = await nextEvent(socket, 'snapshot');
    const network = findNetwork(snapshot.topology, `${ns}-net`);
    const container = findContainer(snapshot.topology, `${ns}-c1`);
    if (!network || !container) throw new Error('snapshot lacks the test objects');
    const patch = nextEvent(socket, 'patch', (p) =>
      p.ops.some((o) => o.kind === 'endpoints' && o.op === 'put' && o.key === `${network.id}/${container.id}`),
    );
    const startedAt = Date.now();
    await docker('network', 'connect', '--alias', 'live', `${ns}-net`, `${ns}-c1`);
    const [p] = await patch;
    expect(p.rev).toBeGreaterThan(snapshot.rev);
    const op = p.ops.find((o) => o.kind === 'endpoints');
    expect(op?.op === 'put' && op.kind === 'endpoints' && op.value.aliases).toEqual(['live']);
    expect(Date.now() - startedAt).toBeLessThan(2000);

    const gone = nextEvent(socket, 'patch', (x) => x.ops.some((o) => o.op === 'del' && o.key === `${network.id}/${container.id}`));
    await docker('network', 'disconnect', `${ns}-net`, `${ns}-c1`);
    await gone;
  });

  it('keeps every client that applies patches equal to the server, through create, connect, rm', async () => {
    const a = client();
    const b = client();
    const [ma, mb] = [mirror(a), mirror(b)];
    await Promise.all([nextEvent(a, 'snapshot'), nextEvent(b, 'snapshot')]);
    await docker('network', 'create', `${ns}-extra`);
    await runContainer(`${ns}-c2`, '--network', `${ns}-extra`);
    await docker('network', 'connect', `${ns}-net`, `${ns}-c2`);
    await docker('rm', '-f', `${ns}-c2`);
    await docker('network', 'rm', `${ns}-extra`);
    await expect.poll(() => ma.topology?.rev, { timeout: 5000 }).toBe(app.defaultEngine.store.current.rev);
    await expect.poll(() => mb.topology?.rev, { timeout: 5000 }).toBe(app.defaultEngine.store.current.rev);
    expect(ma.topology).toEqual(app.defaultEngine.store.current);
    expect(mb.topology).toEqual(app.defaultEngine.store.current);
    expect(ma.gaps + mb.gaps).toBe(0);
  });

  it('answers resync with a fresh snapshot (what a client does on a rev gap)', async () => {
    const socket = client();
    await nextEvent(socket, 'snapshot');
    const again = nextEvent(socket, 'snapshot');
    socket.emit('resync', DEFAULT_ENGINE_ID);
    const [snapshot] = await again;
    expect(snapshot.rev).toBe(app.defaultEngine.store.current.rev);
    expect(topologyFacts(snapshot.topology)).toEqual(topologyFacts(app.defaultEngine.store.current));
  });

  it('resyncs a client that dropped and came back, and shows what changed meanwhile', async () => {
    const socket = client();
    const m = mirror(socket);
    await nextEvent(socket, 'snapshot');
    socket.disconnect();
    await docker('network', 'connect', `${ns}-net`, `${ns}-c1`);
    await expect.poll(() => app.defaultEngine.store.current.rev).toBeGreaterThan(m.topology?.rev ?? 0);
    const back = nextEvent(socket, 'snapshot');
    socket.connect();
    await back;
    expect(m.topology).toEqual(app.defaultEngine.store.current);
    expect(findContainer(m.topology as Topology, `${ns}-c1`)).toBeDefined();
  });

  it('tells every client who changed what through the API', async () => {
    await runContainer(`${ns}-c3`);
    const socket = client();
    await nextEvent(socket, 'snapshot');
    const activity = nextEvent(socket, 'activity');
    const res = await app.inject({
      method: 'POST',
      url: `/api/engines/local/networks/${ns}-net/connections`,
      headers: asAdmin(app),
      payload: { container: `${ns}-c3`, aliases: ['x'] },
    });
    expect(res.statusCode).toBe(201);
    const [a] = await activity;
    expect(a).toMatchObject<Partial<Activity>>({ action: 'network.connect', target: { network: `${ns}-net`, container: `${ns}-c3` } });
  });
});
