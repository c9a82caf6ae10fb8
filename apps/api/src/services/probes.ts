import { PassThrough, addAbortSignal } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Engine } from '../fleet/engine.js';
import pLimit from 'p-limit';
import type { ProbedPair, ReachPairBody } from '@bridgeboard/contract';
import { findContainer, type Topology } from '@bridgeboard/topology';
import { isProbeTarget, PROBE_START, probeExec } from '../engine/probe-command.js';
import { readProbeOutput, type ProbeRun } from './probe-output.js';
import { targetsOf } from './probe-targets.js';

const EXEC_TIMEOUT_MS = 60_000;

/** Runs the probe (engine/probe-command.ts) in one container: what each target did, or why it could not tell. */
export async function probeFrom(engine: Engine, container: { id: string; name: string }, targets: string[]): Promise<ProbeRun> {
  const exec = await engine.docker.getContainer(container.id).exec(probeExec(targets));
  const stream = await exec.start({ ...PROBE_START });
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let raw = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  stderr.resume();
  // Kept whole for an exec that never ran: the engine's error comes outside the stdout frames.
  stream.on('data', (chunk: Buffer) => (raw.length < 4096 ? (raw += chunk.toString('latin1')) : undefined));
  engine.docker.modem.demuxStream(stream, stdout, stderr);
  // A probe that outlives its deadline is cut: the stream is destroyed and `finished` rejects.
  addAbortSignal(AbortSignal.timeout(EXEC_TIMEOUT_MS), stream);
  await finished(stream, { writable: false }).finally(() => stream.destroy());
  return readProbeOutput(container.name, out, raw);
}

/**
 * Containers that share a network namespace (`container:X` with X, every host-mode container) are
 * probed one after the other: busybox ping tells its replies apart by an id taken from its pid,
 * and pids of different containers collide, so pings run at once in one namespace can take each
 * other's replies (seen: a sharer "reaching" a network it is not on while X was being probed).
 */
function namespaceKey(t: Topology, name: string): string {
  const c = findContainer(t, name);
  const mode = c?.networkMode;
  if (mode?.kind === 'host') return 'host';
  if (mode?.kind === 'container') return findContainer(t, mode.container)?.name ?? mode.container;
  return name;
}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];

/**
 * Live probes for predicted pairs: one exec per source container (at most `concurrency` network
 * namespaces at once), each pinging every name and address its targets answer at — what the
 * prediction lists, and every other (probe-targets.ts) — so that each pair's verdict is what
 * actually answered. A name counts for B only if it led to one of B's addresses: a stopped
 * container's alias can be answered by another, live container that has the same one.
 */
export async function probePairs(engine: Engine, pairs: ReachPairBody[], concurrency: number): Promise<ProbedPair[]> {
  const t = engine.store.current;
  const bySource = new Map<string, ReachPairBody[]>();
  for (const pair of pairs) bySource.set(pair.from, [...(bySource.get(pair.from) ?? []), pair]);
  const byNamespace = new Map<string, string[]>();
  for (const from of bySource.keys()) byNamespace.set(namespaceKey(t, from), [...(byNamespace.get(namespaceKey(t, from)) ?? []), from]);
  const targetsOfB = targetsOf(t);

  const probeSource = async (from: string, own: ReachPairBody[]): Promise<ProbedPair[]> => {
    const predicted = (p: ReachPairBody) => ({ byName: p.byName, byIp: p.byIp });
    const unprobed = (note: string) =>
      own.map((p) => ({ from: p.from, to: p.to, predicted: predicted(p), observed: null, agrees: null, note, tried: {} }));
    const source = findContainer(engine.store.current, from);
    if (!source || source.state !== 'running') return unprobed(`${from} is not running: nothing to probe from`);
    const tries = own.map((p) => {
      const b = targetsOfB(p.to);
      return {
        pair: p,
        names: union(p.names, b.names).filter(isProbeTarget),
        addresses: union(p.addresses, b.addresses).filter(isProbeTarget),
      };
    });
    let run: ProbeRun;
    try {
      run = await probeFrom(engine, source, [...new Set(tries.flatMap((x) => [...x.names, ...x.addresses]))]);
    } catch (err) {
      // A socket proxy that allows only the fixed list answers exec with 403 (docs/socket-proxy/haproxy.cfg).
      if ((err as { statusCode?: unknown }).statusCode === 403)
        return unprobed(`the engine, or a socket proxy in front of it, refused the probe's exec in ${from} (403)`);
      return unprobed(`probe in ${from} failed: ${(err as Error).message}`);
    }
    if (!run.ran) return unprobed(run.reason);
    const { seen } = run;
    return tries.map(({ pair: p, names, addresses }) => {
      const at = new Set(addresses);
      const reachedB = (target: string) => seen.get(target)?.answered === true && at.has(seen.get(target)?.address ?? '');
      const tried: Record<string, boolean> = {};
      for (const target of [...names, ...addresses]) if (seen.has(target)) tried[target] = reachedB(target);
      const observed = { byName: names.some(reachedB), byIp: addresses.some(reachedB) };
      const agrees = observed.byName === p.byName && observed.byIp === p.byIp;
      return { from: p.from, to: p.to, predicted: predicted(p), observed, agrees, note: null, tried };
    });
  };

  const limit = pLimit(concurrency);
  const results = await Promise.all(
    [...byNamespace.values()].map((sources) =>
      limit(async () => {
        const out: ProbedPair[] = [];
        for (const from of sources) out.push(...(await probeSource(from, bySource.get(from) ?? [])));
        return out;
      }),
    ),
  );
  return results.flat();
}
