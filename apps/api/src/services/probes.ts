import { PassThrough, addAbortSignal } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import pLimit from 'p-limit';
import { NAME_PATTERN, type ProbedPair, type ReachPairBody } from '@bridgeboard/contract';
import { findContainer, type Topology } from '@bridgeboard/topology';

/**
 * The probe, fixed: the targets arrive as arguments ("$@"), never inside the script, so nothing a
 * user typed can become shell. Each target gets one ping with a 1 s deadline, and a second one
 * when the name resolved but the first went unanswered (a lost packet is not a verdict); a name
 * the resolver does not know gives up after 3 s (`timeout`: an engine's DNS forwards unknown names
 * upstream, which can take 10 s to fail). Sixteen targets at a time; each line says whether the
 * target answered and the address it resolved to.
 */
const SCRIPT = String.raw`
n=0
for t do
  (
    out=$(timeout 3 ping -c 1 -W 1 "$t" 2>&1); rc=$?
    case "$out" in PING*) [ $rc -eq 0 ] || { out=$(timeout 3 ping -c 1 -W 1 "$t" 2>&1); rc=$?; } ;; esac
    ip=$(echo "$out" | sed -n 's/^PING [^(]*(\([^)]*\)).*/\1/p' | head -n 1)
    if [ $rc -eq 0 ]; then echo "ok $t $ip"; else echo "no $t $ip"; fi
  ) &
  n=$((n + 1)); [ $((n % 16)) -ne 0 ] || wait
done
wait
`;
const EXEC_TIMEOUT_MS = 60_000;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const NAME = new RegExp(NAME_PATTERN);

/** Only names the engine could have made and plain IPv4 addresses become ping targets. */
function isTarget(value: string): boolean {
  return (IPV4.test(value) && value.split('.').every((n) => Number(n) <= 255)) || (NAME.test(value) && value.length <= 128);
}

interface Seen {
  answered: boolean;
  /** The address the target resolved to (itself, for an address). */
  address: string | null;
}

/** Runs the probe script in one container; what each target did. */
async function probeFrom(app: FastifyInstance, containerId: string, targets: string[]): Promise<Map<string, Seen>> {
  const exec = await app.docker.getContainer(containerId).exec({
    Cmd: ['sh', '-c', SCRIPT, 'probe', ...targets],
    AttachStdout: true,
    AttachStderr: true,
    Tty: false,
  });
  const stream = await exec.start({ hijack: true, stdin: false });
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  stderr.resume();
  app.docker.modem.demuxStream(stream, stdout, stderr);
  // A probe that outlives its deadline is cut: the stream is destroyed and `finished` rejects.
  addAbortSignal(AbortSignal.timeout(EXEC_TIMEOUT_MS), stream);
  await finished(stream, { writable: false }).finally(() => stream.destroy());
  const seen = new Map<string, Seen>();
  for (const line of out.split('\n')) {
    const [verdict, target, address] = line.trim().split(' ');
    if (target && (verdict === 'ok' || verdict === 'no')) seen.set(target, { answered: verdict === 'ok', address: address ?? null });
  }
  if (seen.size === 0 && targets.length > 0) throw new Error('the probe printed nothing: the container needs sh and ping');
  return seen;
}

/** Each container's own live IPv4 addresses by name, read once per probe run (not once per pair). */
function ownAddresses(t: Topology): Map<string, string[]> {
  const byId = new Map<string, string[]>();
  for (const e of Object.values(t.endpoints)) if (e.ipv4) byId.set(e.containerId, [...(byId.get(e.containerId) ?? []), e.ipv4]);
  return new Map(Object.values(t.containers).map((c) => [c.name, byId.get(c.id) ?? []]));
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

/**
 * Live probes for predicted pairs: one exec per source container (at most `concurrency` network
 * namespaces at once), each pinging every name and address the prediction lists for its targets.
 */
export async function probePairs(app: FastifyInstance, pairs: ReachPairBody[], concurrency: number): Promise<ProbedPair[]> {
  const t = app.topology.current;
  const bySource = new Map<string, ReachPairBody[]>();
  for (const pair of pairs) bySource.set(pair.from, [...(bySource.get(pair.from) ?? []), pair]);
  const byNamespace = new Map<string, string[]>();
  for (const from of bySource.keys()) byNamespace.set(namespaceKey(t, from), [...(byNamespace.get(namespaceKey(t, from)) ?? []), from]);
  const ownIps = ownAddresses(t);

  const probeSource = async (from: string, own: ReachPairBody[]): Promise<ProbedPair[]> => {
    const predicted = (p: ReachPairBody) => ({ byName: p.byName, byIp: p.byIp });
    const unprobed = (note: string) =>
      own.map((p) => ({ from: p.from, to: p.to, predicted: predicted(p), observed: null, agrees: null, note, tried: {} }));
    const source = findContainer(app.topology.current, from);
    if (!source || source.state !== 'running') return unprobed(`${from} is not running: nothing to probe from`);
    const targets = [...new Set(own.flatMap((p) => [...p.names, ...p.addresses]))].filter(isTarget);
    let seen: Map<string, Seen>;
    try {
      seen = await probeFrom(app, source.id, targets);
    } catch (err) {
      return unprobed(`probe in ${from} failed: ${(err as Error).message}`);
    }
    return own.map((p) => {
      // A name counts for B only if it led to one of B's addresses (the prediction's, or B's own):
      // a stopped container's alias can be answered by another, live container that has the same one.
      const at = new Set([...p.addresses, ...(ownIps.get(p.to) ?? [])]);
      const reachedB = (target: string) => seen.get(target)?.answered === true && at.has(seen.get(target)?.address ?? '');
      const tried: Record<string, boolean> = {};
      for (const target of [...p.names, ...p.addresses]) if (seen.has(target)) tried[target] = reachedB(target);
      const observed = { byName: p.names.some(reachedB), byIp: p.addresses.some(reachedB) };
      return {
        from: p.from,
        to: p.to,
        predicted: predicted(p),
        observed,
        agrees: observed.byName === p.byName && observed.byIp === p.byIp,
        note: null,
        tried,
      };
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
