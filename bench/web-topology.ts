/**
 * The browser bench's engine objects: SIZE containers, ten to a network, grown size by size
 * (100 → 2,000 → 10,000: each size adds to the one before), and the latency networks. Every
 * network gets its own subnet, since the engine's default pools run out after about 30 networks.
 */
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { createNetwork } from './engine-api.js';
import { parallel } from './parallel.js';
import { createContainer, PREFIX, progress, startContainer, type Server } from './web-engine.js';
import type { LatencySetup, Named } from './web-latency.js';
import { sleep } from './web-page.js';

export const PER_NETWORK = 10;
/** 10.160.0.0/16 in /26s holds 1,024 networks (10,240 containers). */
export const MAX_CONTAINERS = 1024 * PER_NETWORK;

export const netName = (n: number) => `${PREFIX}net-${String(n).padStart(4, '0')}`;
export const ctrName = (m: number) => `${PREFIX}c-${String(m).padStart(5, '0')}`;
export const networksFor = (containers: number) => Math.ceil(containers / PER_NETWORK);

/**
 * 10.160.<n/4>.<(n%4)·64>/26: 61 addresses, room for a network's ten. All inside 10.160.0.0/16, in
 * the bench's 10.160.0.0/12: apart from the latency networks' 10.161.x, the fleet bench's
 * 10.241–245.x, Docker's default pools and the e2e and API tests' subnets (none in 10.160–175).
 */
export const netSubnet = (n: number) => `10.160.${n >> 2}.${(n & 3) * 64}/26`;

const LAT_HOME = { name: `${PREFIX}lat-a`, subnet: '10.161.0.0/24' };
export const LAT_TARGET = { name: `${PREFIX}lat-b`, subnet: '10.161.1.0/24' };

/** Two networks and `count` running containers on the first (`sleep`, so they keep running). */
export async function makeLatencySetup(count: number): Promise<LatencySetup> {
  await createNetwork(LAT_HOME.name, LAT_HOME.subnet);
  const targetId = await createNetwork(LAT_TARGET.name, LAT_TARGET.subnet);
  const containers: Named[] = [];
  for (let i = 0; i < count; i++) {
    const name = `${PREFIX}lat-c-${i}`;
    const id = await createContainer(name, LAT_HOME.name, ['sleep', '100000']);
    await startContainer(id);
    containers.push({ name, id });
  }
  return { target: { name: LAT_TARGET.name, id: targetId }, containers };
}

/**
 * Networks and containers from `from` up to `to` containers, created, not started (`sleep`, so
 * that any of them can be started later and keep running); a network's containers are made as
 * soon as it exists. Returns the new containers' ids, in order, and the seconds taken.
 */
export async function grow(from: number, to: number): Promise<{ ids: string[]; seconds: number }> {
  const started = performance.now();
  const firstNet = networksFor(from);
  const nets = Array.from({ length: networksFor(to) - firstNet }, (_, k) => firstNet + k);
  const release = new Map<number, () => void>();
  const ready = new Map(nets.map((n) => [n, new Promise<void>((resolve) => release.set(n, resolve))]));
  const ctrs = Array.from({ length: to - from }, (_, k) => from + k);
  const ids: string[] = [];
  let made = 0;
  const making = parallel(nets, 8, async (n) => {
    await createNetwork(netName(n), netSubnet(n));
    release.get(n)?.();
  });
  // If a network fails, its containers would wait forever: release them all, and fail below.
  making.catch(() => release.forEach((r) => r()));
  await Promise.all([
    making,
    parallel(ctrs, 16, async (m) => {
      const n = Math.floor(m / PER_NETWORK);
      await ready.get(n);
      ids[m - from] = await createContainer(ctrName(m), netName(n), ['sleep', '100000']);
      if (++made % 1000 === 0) progress(`${made} of ${to - from} containers made`);
    }),
  ]);
  return { ids, seconds: (performance.now() - started) / 1000 };
}

export interface TopologyBody {
  networks: Record<string, { name: string }>;
  containers: Record<string, { name: string; state?: string }>;
  endpoints: Record<string, unknown>;
}

/** Polls the app's snapshot until `ok` holds for it; returns it. */
export async function waitForTopology(
  server: Server,
  ok: (t: TopologyBody) => boolean,
  what: string,
  timeoutMs: number,
): Promise<TopologyBody> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${server.url}/api/engines/local/topology`, { headers: server.headers });
    if (res.status !== 200) throw new Error(`GET /api/engines/local/topology → ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { topology: TopologyBody };
    if (ok(body.topology)) return body.topology;
    if (Date.now() > deadline) throw new Error(`the app's snapshot did not show ${what} within ${timeoutMs / 1000} s`);
    await sleep(1000);
  }
}

export const countNamed = (items: Record<string, { name: string }>, prefix: string) =>
  Object.values(items).filter((x) => x.name.startsWith(prefix)).length;

/** VmRSS and VmHWM (its peak) of the server process, MiB. */
export function serverMemory(server: Server): { rss: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1]) / 1024;
    return { rss: field('VmRSS'), peak: field('VmHWM') };
  } catch {
    return { rss: Number.NaN, peak: Number.NaN };
  }
}
