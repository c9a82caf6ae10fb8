import { once } from 'node:events';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReachabilityResponse } from '@bridgeboard/contract';
import { findContainer, findEndpoint, findNetwork, reachability, type Container, type Topology } from '@bridgeboard/topology';
import { webDb } from '../../../packages/topology/test/hand-built.js';
import { topologyOf as largeTopology } from '../../../packages/topology/test/synthetic-topology.js';
import { TopologyStore } from '../src/engine/topology-store.js';
import { BridgeboardError } from '../src/errors.js';
import { ReachabilityCache } from '../src/services/reachability-cache.js';
import { asAdmin, listen, startApp, type App } from './helpers/app.js';
import { cleanup, docker, namespace, runContainer } from './helpers/engine.js';

/** The same topology under a new rev: a label changes, no verdict does. */
const relabelled = (t: Topology, round: number): Topology => {
  const first = Object.values(t.containers)[0] as Container;
  return { ...t, containers: { ...t.containers, [first.id]: { ...first, labels: { round: String(round) } } } };
};

type Read = 'body' | 'hash' | 'count';

/** An answer as the client saw it; `body` only when asked for, `sha256` unless only counted. */
interface Got {
  status: number;
  type: string | undefined;
  length: string | undefined;
  bytes: number;
  sha256: string;
  body: string;
}

/**
 * HTTP clients on a thread of their own, as browsers elsewhere would be: reading 5 answers of
 * 24 MB on this thread, which is the app's, held its loop 30–40 ms at a time, and that is the
 * test's work, not the app's. Plain JavaScript: a worker does not go through vitest's transform.
 */
const CLIENTS = String.raw`
const http = require('node:http');
const { createHash } = require('node:crypto');
const { parentPort } = require('node:worker_threads');
const get = (url, token, read) => new Promise((resolve, reject) => {
  http.get(url, { headers: { authorization: 'Bearer ' + token } }, (res) => {
    const hash = createHash('sha256');
    const chunks = [];
    let bytes = 0;
    res.on('data', (chunk) => {
      bytes += chunk.length;
      if (read !== 'count') hash.update(chunk);
      if (read === 'body') chunks.push(chunk);
    });
    res.on('end', () => resolve({
      status: res.statusCode,
      type: res.headers['content-type'],
      length: res.headers['content-length'],
      bytes,
      sha256: hash.digest('hex'),
      body: Buffer.concat(chunks).toString('utf8'),
    }));
    res.on('error', reject);
  }).on('error', reject);
});
parentPort.on('message', ({ token, requests }) => {
  Promise.all(requests.map((r) => get(r.url, token, r.read))).then(
    (answers) => parentPort.postMessage({ answers }),
    (err) => parentPort.postMessage({ error: String(err) }),
  );
});
`;

/** Sends GETs at once from the clients' thread (as a viewer) and waits for every answer. */
class Clients {
  readonly #worker = new Worker(CLIENTS, { eval: true });

  constructor(
    private readonly base: string,
    private readonly token: string,
  ) {}

  async get(paths: string[], read: Read | ((i: number) => Read) = 'body'): Promise<Got[]> {
    const answered = once(this.#worker, 'message') as Promise<[{ answers: Got[] } | { error: string }]>;
    const requests = paths.map((path, i) => ({ url: `${this.base}${path}`, read: typeof read === 'function' ? read(i) : read }));
    this.#worker.postMessage({ token: this.token, requests });
    const [reply] = await answered;
    if ('error' in reply) throw new Error(reply.error);
    return reply.answers;
  }

  close(): Promise<number> {
    return this.#worker.terminate();
  }
}

/**
 * Watches this thread's event loop until the returned function is called. `cpuMs` is the longest
 * the thread ran between two ticks of a 1 ms timer, in its own CPU time (process.threadCpuUsage):
 * how long our code held the loop. `wallMs` (monitorEventLoopDelay) also holds the time the OS
 * ran other processes instead — on a shared machine an idle loop shows 20–100 ms of that — so
 * the test asserts on CPU and prints the wall time beside it.
 */
function watchLoop(): () => { cpuMs: number; wallMs: number } {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  let last = process.threadCpuUsage();
  let longest = 0;
  const timer = setInterval(() => {
    const now = process.threadCpuUsage();
    longest = Math.max(longest, (now.user - last.user + now.system - last.system) / 1000);
    last = now;
  }, 1);
  return () => {
    clearInterval(timer);
    delay.disable();
    return { cpuMs: longest, wallMs: delay.max / 1e6 };
  };
}

/** How many answers of `scope` the app has computed (its /metrics). */
async function computations(app: App, scope: 'all' | 'from'): Promise<number> {
  const res = await app.inject({ url: '/metrics', headers: asAdmin(app) });
  const line = new RegExp(`^bridgeboard_reachability_compute_seconds_count\\{scope="${scope}"\\} (\\d+)$`, 'm').exec(res.body);
  return Number(line?.[1] ?? 0);
}

describe('reachability answers of a large topology, in an app with no engine', () => {
  // No engine answers at this socket, so the store holds exactly the topology each test writes
  // (through its own update(), as the watcher does): nothing else makes a new rev meanwhile.
  let app: App;
  let clients: Clients;
  const all = Array.from({ length: 20 }, () => '/api/engines/local/reachability');

  beforeAll(async () => {
    app = await startApp({}, { DOCKER_HOST: 'unix:///nonexistent/bbt-reachability-cache.sock' });
    clients = new Clients(await listen(app), app.tokens.create('reachability-viewer', 'viewer', 'tests').secret);
  });
  afterAll(async () => {
    await clients.close();
    await app.close();
  });

  it('computes all pairs once for 20 requests at once, and serves that JSON again at the same rev', async () => {
    app.defaultEngine.store.update(() => largeTopology(300));
    const before = await computations(app, 'all');
    const answers = await clients.get(all, (i) => (i === 0 ? 'body' : 'hash'));
    expect(answers.map((a) => a.status)).toEqual(all.map(() => 200));
    expect(await computations(app, 'all')).toBe(before + 1);
    const first = answers[0] as Got;
    expect(new Set(answers.map((a) => a.sha256))).toEqual(new Set([first.sha256]));
    expect(first.type).toBe('application/json; charset=utf-8');
    expect(first.length).toBe(String(first.bytes));
    // What the core says, in its order: the slices add up to the whole.
    expect(JSON.parse(first.body)).toEqual({ pairs: reachability(app.defaultEngine.store.current) } satisfies ReachabilityResponse);

    const [again] = await clients.get(['/api/engines/local/reachability'], 'hash');
    expect(again?.sha256).toBe(first.sha256);
    expect(await computations(app, 'all')).toBe(before + 1);
  });

  it('never holds the event loop 50 ms while it computes and sends all pairs of 300 containers', async () => {
    app.defaultEngine.store.update(() => relabelled(largeTopology(300), 1));
    const before = await computations(app, 'all');
    const stop = watchLoop();
    const answers = await clients.get(all, 'count');
    const loop = stop();
    expect(answers.map((a) => a.status)).toEqual(all.map(() => 200));
    expect(loop.cpuMs, `longest run ${loop.cpuMs.toFixed(1)} ms of CPU, ${loop.wallMs.toFixed(1)} ms of wall time`).toBeLessThan(50);
    expect(answers[0]?.bytes).toBeGreaterThan(20_000_000);
    expect(await computations(app, 'all')).toBe(before + 1);
  });

  it('never holds the event loop 50 ms while 20 viewers ask from 20 containers of 2,000', async () => {
    app.defaultEngine.store.update(() => largeTopology(2000));
    // Half of them have a --link: those rows once took 0.5 s each.
    const from = Array.from({ length: 20 }, (_, i) => `ctr${i * 97 + (i % 2 === 0 ? 10 : 5)}`);
    const paths = from.map((name) => `/api/engines/local/reachability?from=${name}`);
    const stop = watchLoop();
    const answers = await clients.get(paths, 'hash');
    const loop = stop();
    expect(answers.map((a) => a.status)).toEqual(paths.map(() => 200));
    expect(loop.cpuMs, `longest run ${loop.cpuMs.toFixed(1)} ms of CPU, ${loop.wallMs.toFixed(1)} ms of wall time`).toBeLessThan(50);
    // The same answers again (kept for this rev), and they are the core's.
    const again = await clients.get(paths);
    expect(again.map((a) => a.sha256)).toEqual(answers.map((a) => a.sha256));
    again.forEach((a, i) =>
      expect(JSON.parse(a.body)).toEqual({ pairs: reachability(app.defaultEngine.store.current, { from: from[i] as string }) }),
    );
  });

  it('refuses all pairs past the cap, as before', async () => {
    app.defaultEngine.store.update(() => largeTopology(2000));
    const [res] = await clients.get(['/api/engines/local/reachability']);
    expect(res?.status).toBe(400);
    expect(JSON.parse(res?.body ?? '')).toMatchObject({
      message: 'all pairs of 2000 containers is too much at once: ask from one container (from=…)',
    });
  });
});

describe('reachability answers follow the engine', () => {
  const ns = namespace('reachcache');
  let app: App;
  let viewer: string;

  const until = async (what: string, test: () => boolean) => {
    for (let i = 0; i < 100 && !test(); i++) await new Promise((r) => setTimeout(r, 100));
    if (!test()) throw new Error(`the store never showed ${what}`);
  };
  const fromA = async () => {
    const res = await app.inject({ url: `/api/engines/local/reachability?from=${ns}-a`, headers: { authorization: `Bearer ${viewer}` } });
    expect(res.statusCode).toBe(200);
    return res.json<ReachabilityResponse>().pairs.find((p) => p.to === `${ns}-b`);
  };

  beforeAll(async () => {
    await cleanup(ns);
    await docker('network', 'create', `${ns}-net`);
    await runContainer(`${ns}-a`);
    await runContainer(`${ns}-b`, '--network', `${ns}-net`);
    app = await startApp();
    viewer = app.tokens.create('reachability-viewer', 'viewer', 'tests').secret;
    await until('both containers', () => ['a', 'b'].every((x) => findContainer(app.defaultEngine.store.current, `${ns}-${x}`)));
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await cleanup(ns);
  });

  it('answers for the new rev after a connect on the engine, not from the old rev’s answer', async () => {
    const isolated = await fromA();
    expect(isolated).toMatchObject({ reason: 'isolated', byName: false, byIp: false });
    const rev = app.defaultEngine.store.current.rev;
    const computed = await computations(app, 'from');

    await docker('network', 'connect', `${ns}-net`, `${ns}-a`);
    await until('the new endpoint', () => {
      const t = app.defaultEngine.store.current;
      const [a, network] = [findContainer(t, `${ns}-a`), findNetwork(t, `${ns}-net`)];
      return a !== undefined && network !== undefined && findEndpoint(t, network.id, a.id) !== undefined;
    });
    expect(app.defaultEngine.store.current.rev).toBeGreaterThan(rev);

    expect(await fromA()).toMatchObject({ reason: 'shared-network', byName: true, byIp: true, networks: [`${ns}-net`] });
    expect(await computations(app, 'from')).toBeGreaterThan(computed);
  });
});

describe('ReachabilityCache', () => {
  it('keeps only the current rev’s answers, and drops them when the rev changes', async () => {
    const store = new TopologyStore();
    store.update(() => webDb());
    const cache = new ReachabilityCache(store, { allPairsMax: 300 });
    await Promise.all([cache.answer(), cache.answer('web'), cache.answer('db')]);
    expect(cache.size).toBe(3);
    store.update((t) => relabelled(t, 1));
    expect(cache.size).toBe(0);
    const fresh = await cache.answer();
    expect(fresh.rev).toBe(store.current.rev);
    cache.close();
  });

  it('keeps the answers of one rev under maxBytes, the least recently asked going first', async () => {
    const store = new TopologyStore();
    store.update(() => largeTopology(40));
    const sizes = new ReachabilityCache(store, { allPairsMax: 300 });
    const total = (await Promise.all(['ctr1', 'ctr2', 'ctr3'].map((from) => sizes.answer(from)))).reduce((sum, a) => sum + a.bytes, 0);
    sizes.close();
    let computed = 0;
    // Room for any two of the three answers, not for all three.
    const cache = new ReachabilityCache(store, { allPairsMax: 300, maxBytes: total - 1, onComputed: () => computed++ });
    for (const from of ['ctr1', 'ctr2', 'ctr1', 'ctr3', 'ctr1', 'ctr2']) await cache.answer(from);
    // ctr1, ctr2, ctr1 kept, ctr3 (ctr2 is dropped: asked least recently), ctr1 kept, ctr2 again.
    expect(computed).toBe(4);
    expect(cache.size).toBe(2);
    cache.close();
  });

  it('refuses all pairs past the cap, and answers 503 once closed, running computations too', async () => {
    const store = new TopologyStore();
    store.update(() => largeTopology(200));
    await expect(new ReachabilityCache(store, { allPairsMax: 100 }).answer()).rejects.toMatchObject({ problem: 'invalid' });
    const cache = new ReachabilityCache(store, { allPairsMax: 300 });
    const running = cache.answer();
    cache.close();
    await expect(running).rejects.toBeInstanceOf(BridgeboardError);
    await expect(running).rejects.toMatchObject({ problem: 'unavailable' });
    await expect(cache.answer('ctr1')).rejects.toMatchObject({ problem: 'unavailable' });
  });
});
