/**
 * (g) What an edit of a network costs the containers on it (issue 14). Per size: a bridge network
 * with N running containers, then its MTU changed and changed back through the app's own API
 * (plan, then apply with the plan's basis), as a board does. The app re-makes the network: every
 * container is disconnected, the network removed and created again, every container reconnected.
 * Kept per edit: the app's report (each running container's offline ms, each step's ms), the wall
 * time of the apply request, and the longest silence seen by a pinger on the network (network-edit-pinger.ts).
 */
import { createBodyOfNetwork, type NetworkEditPlanBody, type Snapshot } from '@bridgeboard/contract';
import { findNetwork } from '@bridgeboard/topology';
import { cleanup, createNetwork, engineJson, engineRequest, IMAGE } from './engine-api.js';
import { apiOf, applyEdit, until, type Api } from './network-edit-api.js';
import { longestSilence, startPinger } from './network-edit-pinger.js';
import { parallel } from './parallel.js';
import { progressLog } from './progress.js';
import { benchToken, listen, startApp } from './snapshot.js';

/** Inside `bbbench-`, so that run.ts's and scripts/bench.sh's sweeps take these too. */
export const EDIT_PREFIX = 'bbbench-edit-';
export const progress = progressLog('edit-bench', { seconds: true });
/** Starts at once: each costs the engine ~0.5 s here (a veth pair, iptables rules), under one lock. */
const START_PARALLEL = 8;
/** A /24 per size: .1 is the gateway, so up to 253 containers. */
const MAX_SIZE = 253;
const EDITED_MTU = 1400;
const RUN = process.pid.toString(36);

/** EDIT_BENCH_SIZES (comma-separated running containers per network, e.g. `10,100`), else `fallback`. */
export function editSizesFromEnv(fallback: number[]): number[] {
  const raw = process.env.EDIT_BENCH_SIZES;
  if (raw === undefined || raw.trim() === '') return fallback;
  const sizes = raw.split(',').map((part) => Number(part.trim()));
  if (!sizes.length || sizes.some((n) => !Number.isInteger(n) || n < 1 || n > MAX_SIZE)) {
    throw new Error(`EDIT_BENCH_SIZES must be whole numbers from 1 to ${MAX_SIZE}, comma-separated (got '${raw}')`);
  }
  return sizes;
}

export type StepKind = NetworkEditPlanBody['steps'][number]['kind'];

export interface EditRow {
  size: number;
  /** The MTU before → after, as the plan lists the change ('default' when the option is not set). */
  change: string;
  /** report.offlineMs, one per running container. */
  offline: number[];
  /** From sending POST …/edit until its answer. */
  wallMs: number;
  /** report.steps' ms, by the plan's step kind. */
  steps: Map<StepKind, number[]>;
  /** The pinging container: its offline ms in the report, and the longest silence between its replies. */
  pinger: { serverMs: number; silenceMs: number };
}

/**
 * Free /24s of 10.163.0.0/16 (no other bench uses it). Skips .77 and .78: the API's edit test
 * takes 10.<100–199>.77/78.0/24, and the engine refuses a subnet that overlaps another network's.
 */
async function freeSubnets(): Promise<string[]> {
  const networks = await engineJson<{ IPAM?: { Config?: { Subnet?: string }[] | null } }[]>('GET', '/networks');
  const taken = new Set(networks.flatMap((n) => (n.IPAM?.Config ?? []).map((c) => c.Subnet ?? '')));
  return Array.from({ length: 256 }, (_, i) => `10.163.${i}.0/24`).filter((s, i) => i !== 77 && i !== 78 && !taken.has(s));
}

/** `docker run -d --dns 127.0.0.1 --network <network> --name <name> IMAGE sleep 3600`, as Engine API calls. */
async function runContainer(name: string, network: string): Promise<void> {
  const made = await engineJson<{ Id: string }>('POST', `/containers/create?name=${encodeURIComponent(name)}`, {
    Image: IMAGE,
    Cmd: ['sleep', '3600'],
    // A name the engine's DNS does not know is never asked of a resolver off this machine.
    HostConfig: { NetworkMode: network, Dns: ['127.0.0.1'] },
  });
  const started = await engineRequest('POST', `/containers/${made.Id}/start`);
  if (started.status !== 204) throw new Error(`start ${name}: ${started.status} ${started.body.toString()}`);
}

function mtuChange(plan: NetworkEditPlanBody): string {
  const c = plan.changes.find((x) => x.field === 'options.com.docker.network.driver.mtu');
  return `${c?.from ?? 'default'} → ${c?.to ?? 'default'}`;
}

/** One size: the network and its containers, both edits under the pinger, then everything of this size removed. */
async function measureSize(api: Api, size: number, subnet: string, signal: AbortSignal): Promise<EditRow[]> {
  const network = `${EDIT_PREFIX}${RUN}-${size}-net`;
  const names = Array.from({ length: size }, (_, i) => `${EDIT_PREFIX}${RUN}-${size}-c-${String(i).padStart(3, '0')}`);
  progress(`${size}: network ${network} (${subnet}), ${size} running containers, ${START_PARALLEL} started at a time`);
  const id = await createNetwork(network, subnet);
  await parallel(names, START_PARALLEL, (name) => runContainer(name, network), signal);
  // Made with a subnet and no gateway, the engine lists none, but the bridge takes the subnet's first address.
  const listed = (await engineJson<{ IPAM: { Config: { Gateway?: string }[] } }>('GET', `/networks/${id}`)).IPAM.Config[0]?.Gateway;
  const gateway = listed ?? subnet.replace(/\.0\/24$/, '.1');
  const original = await until(`${network} on the board`, async () => {
    const res = await api<Snapshot>('GET', '/topology');
    return findNetwork(res.json.topology, network);
  });
  // The first by name: the app disconnects and reconnects in name order.
  const watched = names[0] ?? '';
  const pinger = await startPinger(watched, gateway);
  const edits = [];
  const asItWas = createBodyOfNetwork(original);
  for (const body of [{ ...asItWas, options: { ...asItWas.options, mtu: EDITED_MTU } }, asItWas]) {
    signal.throwIfAborted();
    progress(`${size}: edit ${edits.length + 1} of 2 (the MTU)`);
    edits.push(await applyEdit(api, network, body, size));
  }
  const replies = await pinger.stop();
  return edits.map(({ plan, report, from, to }) => {
    const steps = new Map<StepKind, number[]>();
    for (const s of report.steps) {
      const kind = plan.steps[s.index]?.kind;
      if (kind) steps.set(kind, [...(steps.get(kind) ?? []), s.ms]);
    }
    return {
      size,
      change: mtuChange(plan),
      offline: report.offlineMs.map((o) => o.ms),
      wallMs: to - from,
      steps,
      pinger: {
        serverMs: report.offlineMs.find((o) => o.container === watched)?.ms ?? Number.NaN,
        silenceMs: longestSilence(replies, from, to),
      },
    };
  });
}

/** Every size in turn, against one app (the real one, from source, as (a) and (b) build it), cleaning up after each. */
export async function runNetworkEditBench(sizes: number[], signal: AbortSignal): Promise<EditRow[]> {
  await cleanup(EDIT_PREFIX);
  const subnets = await freeSubnets();
  const app = await startApp();
  const rows: EditRow[] = [];
  try {
    const api = apiOf(await listen(app), benchToken(app));
    for (const [i, size] of sizes.entries()) {
      const subnet = subnets[i];
      if (!subnet) throw new Error('no free /24 left in 10.163.0.0/16');
      try {
        rows.push(...(await measureSize(api, size, subnet, signal)));
      } finally {
        await cleanup(EDIT_PREFIX);
      }
    }
    return rows;
  } finally {
    await app.close();
  }
}
