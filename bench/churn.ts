/**
 * (f) Churn: the built server watching the local engine while CHURN_CONTAINERS (default 2,000)
 * running containers are made, then removed, CHURN_PARALLEL (8) at a time, as issue 13 measured it.
 * Prints whether the engine was ever reported lost, how many times the event stream was reopened,
 * engine calls per event, how long after the last change the client's topology equalled `docker
 * network inspect`, a relist after a deliberate reconnect at full size (its inspects), a fresh
 * server's first relist in the middle of the removals, and that server's exit on SIGTERM. Everything
 * is named `bbchurn-…` and removed at start, at the end and on failure. See bench/README.md (f).
 */
import { performance } from 'node:perf_hooks';
import type { Topology } from '@bridgeboard/topology';
import { EngineProxy } from '../apps/api/test/helpers/engine-proxy.js';
import { createNetwork, engineJson, engineRequest, IMAGE } from './engine-api.js';
import { FleetClient, memoryOf, startServer, type FleetServer } from './fleet-server.js';
import { cleanupAndSay, runToExit } from './lifecycle.js';
import { parallel } from './parallel.js';
import { progressLog } from './progress.js';
import { columnGroup, fixed, ms, renderTable, type Column } from './table.js';

const PREFIX = 'bbchurn-';
const progress = progressLog('churn', { seconds: true });
const CONTAINERS = Number(process.env.CHURN_CONTAINERS ?? 2000);
const PARALLEL = Number(process.env.CHURN_PARALLEL ?? 8);
/** 200 containers a network: a /24 each, in 10.162.0.0/16, which nothing else of ours uses. */
const PER_NETWORK = 200;
const NETWORKS = Math.max(1, Math.ceil(CONTAINERS / PER_NETWORK));
/** Unique per run: a network an earlier run left (see engine-api.ts cleanup) keeps its name. */
const RUN = process.pid.toString(36);
const netName = (n: number) => `${PREFIX}${RUN}-net-${n}`;
const ctrName = (m: number) => `${PREFIX}c-${String(m).padStart(5, '0')}`;
const CONVERGE_TIMEOUT_MS = 120_000;

/** The server's counters from /metrics: engine calls by `METHOD /path`, events read, and whether the engine answers. */
async function counters(server: FleetServer): Promise<{ calls: Map<string, number>; events: number }> {
  const res = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${server.token}` } });
  const text = await res.text();
  const calls = new Map<string, number>();
  // Greedy: a call's label holds braces of its own (`GET /containers/{id}/json`).
  for (const m of text.matchAll(/^bridgeboard_engine_api_calls_total\{(.*)\} (\S+)$/gm)) {
    const call = /call="([^"]*)"/.exec(m[1] ?? '')?.[1] ?? '?';
    calls.set(call, (calls.get(call) ?? 0) + Number(m[2]));
  }
  // No line before the first event: none yet.
  const events = Number(/^bridgeboard_engine_events_received_total\{[^}]*\} (\S+)$/m.exec(text)?.[1] ?? 0);
  return { calls, events };
}

const total = (calls: Map<string, number>, keep: (key: string) => boolean = () => true) =>
  [...calls].filter(([k]) => keep(k)).reduce((sum, [, n]) => sum + n, 0);
const STREAM = (k: string) => k === 'GET /events';
const PING = (k: string) => k === 'HEAD /_ping' || k === 'GET /_ping';
const INSPECT = (k: string) => k === 'GET /containers/{id}/json';

/** What `docker network inspect` says of the bench's networks: container name → IPv4, per network. */
async function inspectNetworks(): Promise<string> {
  const nets = await Promise.all(
    Array.from({ length: NETWORKS }, (_, n) =>
      engineJson<{ Containers?: Record<string, { Name: string; IPv4Address: string }> }>('GET', `/networks/${netName(n)}`),
    ),
  );
  return nets
    .map((net, n) =>
      Object.values(net.Containers ?? {})
        .map((c) => `${netName(n)} ${c.Name} ${c.IPv4Address.split('/')[0] ?? ''}`)
        .sort()
        .join('\n'),
    )
    .join('\n');
}

/** The same, as the client's topology holds it. */
function topologyView(t: Topology | undefined): string {
  if (!t) return '';
  const byName = new Map(Object.values(t.networks).map((n) => [n.name, n.id]));
  return Array.from({ length: NETWORKS }, (_, n) => {
    const id = byName.get(netName(n));
    return Object.values(t.endpoints)
      .filter((e) => e.networkId === id && e.endpointId)
      .map((e) => `${netName(n)} ${t.containers[e.containerId]?.name ?? '?'} ${e.ipv4 ?? ''}`)
      .sort()
      .join('\n');
  }).join('\n');
}

/** Milliseconds from `since` until the client's view equals the engine's (checked every 100 ms). */
async function convergence(client: FleetClient, since: number): Promise<number> {
  const deadline = performance.now() + CONVERGE_TIMEOUT_MS;
  for (;;) {
    const engine = await inspectNetworks();
    if (topologyView(client.topologies.get('local')) === engine) return performance.now() - since;
    if (performance.now() > deadline) return Number.NaN;
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface Phase {
  name: string;
  seconds: number;
  events: number;
  callsPerEvent: number;
  inspects: number;
  streamsOpened: number;
  lost: number;
  convergeMs: number;
}

async function phase(
  name: string,
  server: FleetServer,
  client: FleetClient,
  work: (signal: AbortSignal) => Promise<void>,
  signal: AbortSignal,
): Promise<Phase> {
  const before = await counters(server);
  const lostBefore = client.engineStates.filter((s) => !s.reachable).length;
  const started = performance.now();
  await work(signal);
  const done = performance.now();
  const convergeMs = await convergence(client, done);
  const after = await counters(server);
  const delta = (keep: (k: string) => boolean) => total(after.calls, keep) - total(before.calls, keep);
  const events = after.events - before.events;
  return {
    name,
    seconds: (done - started) / 1000,
    events,
    callsPerEvent: delta((k) => !STREAM(k) && !PING(k)) / Math.max(1, events),
    inspects: delta(INSPECT),
    streamsOpened: delta(STREAM),
    lost: client.engineStates.filter((s) => !s.reachable).length - lostBefore,
    convergeMs,
  };
}

async function runContainers(ids: string[], signal: AbortSignal): Promise<void> {
  let made = 0;
  await parallel(
    Array.from({ length: CONTAINERS }, (_, m) => m),
    PARALLEL,
    async (m) => {
      const { Id } = await engineJson<{ Id: string }>('POST', `/containers/create?name=${ctrName(m)}`, {
        Image: IMAGE,
        Cmd: ['sleep', '1000000'],
        HostConfig: { NetworkMode: netName(m % NETWORKS), Init: true },
      });
      const started = await engineRequest('POST', `/containers/${Id}/start`);
      if (started.status !== 204) throw new Error(`start ${ctrName(m)}: ${started.status} ${started.body.toString()}`);
      ids[m] = Id;
      if (++made % 250 === 0) progress(`made ${made}/${CONTAINERS}`);
    },
    signal,
  );
}

async function removeContainers(ids: string[], signal: AbortSignal, at: (removed: number) => void): Promise<void> {
  let removed = 0;
  await parallel(
    ids,
    PARALLEL,
    async (id) => {
      const reply = await engineRequest('DELETE', `/containers/${id}?force=1`);
      if (![204, 404].includes(reply.status)) throw new Error(`remove ${id}: ${reply.status} ${reply.body.toString()}`);
      at(++removed);
      if (removed % 250 === 0) progress(`removed ${removed}/${ids.length}`);
    },
    signal,
  );
}

/** A second, fresh server started halfway through the removals: its first relist under churn, then SIGTERM. */
interface Newcomer {
  readyMs: number;
  sigtermMs: number;
  exit: string;
}

async function main(signal: AbortSignal): Promise<void> {
  await cleanupAndSay(PREFIX, progress, 'at start');
  // Free /24s of 10.162.0.0/16: a network an earlier run could not remove (a leaked endpoint) keeps its own.
  const taken = new Set(
    (await engineJson<{ IPAM?: { Config?: { Subnet?: string }[] | null } }[]>('GET', '/networks')).flatMap((n) =>
      (n.IPAM?.Config ?? []).map((c) => c.Subnet ?? ''),
    ),
  );
  const free = Array.from({ length: 256 }, (_, i) => `10.162.${i}.0/24`).filter((s) => !taken.has(s));
  for (let n = 0; n < NETWORKS; n++) await createNetwork(netName(n), free[n]);
  const relay = new EngineProxy();
  await relay.open();
  const server = await startServer([], { DOCKER_HOST: relay.dockerHost });
  const client = await FleetClient.connect(server.url, server.token, ['local']);
  const rows: Phase[] = [];
  let relist = { ms: Number.NaN, inspects: Number.NaN, rssMiB: Number.NaN };
  let newcomer: Newcomer = { readyMs: Number.NaN, sigtermMs: Number.NaN, exit: '—' };
  try {
    const ids: string[] = [];
    progress(`making ${CONTAINERS} running containers, ${PARALLEL} at a time, on ${NETWORKS} networks`);
    rows.push(await phase(`make ${CONTAINERS}`, server, client, (s) => runContainers(ids, s), signal));
    relist.rssMiB = memoryOf(server.pid).rssKiB / 1024;

    progress('cutting the server off the engine, then back: the relist at full size');
    const before = await counters(server);
    await relay.cut();
    await client.until(() => client.engineStates.some((s) => !s.reachable), 30_000, 'the engine reported lost after the cut');
    const back = performance.now();
    await relay.open();
    await client.until(() => client.engineStates.at(-1)?.reachable === true, 120_000, 'the engine back after the relist');
    relist = {
      ...relist,
      ms: performance.now() - back,
      inspects: total((await counters(server)).calls, INSPECT) - total(before.calls, INSPECT),
    };

    let second: Promise<Newcomer> | null = null;
    const startSecond = () => {
      second = (async () => {
        const t0 = performance.now();
        const fresh = await startServer([], { DOCKER_HOST: relay.dockerHost });
        const readyMs = performance.now() - t0;
        const t1 = performance.now();
        // stop() sends SIGTERM, and SIGKILL only after 5 s: under 5 s is the server's own clean exit.
        await fresh.stop();
        const sigtermMs = performance.now() - t1;
        return { readyMs, sigtermMs, exit: sigtermMs < 5000 ? 'clean' : 'killed after 5 s' };
      })();
    };
    rows.push(
      await phase(
        `remove ${CONTAINERS}`,
        server,
        client,
        (s) =>
          removeContainers(ids, s, (removed) => {
            if (removed === Math.floor(ids.length / 4)) startSecond();
          }),
        signal,
      ),
    );
    if (second) newcomer = await second;
  } finally {
    client.close();
    await server.stop();
    await relay.close();
    await cleanupAndSay(PREFIX, progress, 'at the end');
  }

  const columns: Column[] = [
    ...columnGroup('', ['phase'], true),
    ...columnGroup('engine', ['s', 'events']),
    ...columnGroup('server', ['calls/event', 'inspects', 'streams opened', 'reported lost']),
    ...columnGroup('client = docker network inspect', ['after ms']),
  ];
  const table = renderTable(
    columns,
    rows.map((r) => [
      r.name,
      fixed(r.seconds, 1),
      String(r.events),
      fixed(r.callsPerEvent, 2),
      String(r.inspects),
      String(r.streamsOpened),
      String(r.lost),
      ms(r.convergeMs),
    ]),
  );
  console.log(`\n(f) Churn: ${CONTAINERS} running containers made, then removed, ${PARALLEL} at a time (the built server, local engine)\n`);
  console.log(table);
  console.log(
    `\n  relist after a deliberate reconnect at ${CONTAINERS} containers: ${ms(relist.ms)} ms until reachable again, ${relist.inspects} container inspects` +
      `\n  server RSS at ${CONTAINERS} containers: ${fixed(relist.rssMiB, 0)} MiB` +
      `\n  a fresh server started a quarter into the removals: ready (first relist) in ${ms(newcomer.readyMs)} ms; SIGTERM → exit in ${ms(newcomer.sigtermMs)} ms (${newcomer.exit})\n`,
  );
}

const stop = new AbortController();
await runToExit(() => main(stop.signal), { prefix: PREFIX, progress, onSignal: () => stop.abort() });
