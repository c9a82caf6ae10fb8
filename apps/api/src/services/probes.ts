import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import pLimit from 'p-limit';
import { NAME_PATTERN, type ProbedPair, type ReachPairBody } from '@bridgeboard/contract';
import { findContainer } from '@bridgeboard/topology';
import { withTimeout } from '../engine/with-timeout.js';

/**
 * The probe, fixed: the targets arrive as arguments ("$@"), never inside the script, so nothing a
 * user typed can become shell. Each target gets one ping with a 1 s deadline, all at once.
 */
const SCRIPT = 'for t do (if ping -c 1 -W 1 "$t" >/dev/null 2>&1; then echo "ok $t"; else echo "no $t"; fi) & done; wait';
const EXEC_TIMEOUT_MS = 15_000;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const NAME = new RegExp(NAME_PATTERN);

/** Only names the engine could have made and plain IPv4 addresses become ping targets. */
function isTarget(value: string): boolean {
  return (IPV4.test(value) && value.split('.').every((n) => Number(n) <= 255)) || (NAME.test(value) && value.length <= 128);
}

/** Runs the probe script in one container; the set of targets that answered. */
async function probeFrom(app: FastifyInstance, containerId: string, targets: string[]): Promise<Map<string, boolean>> {
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
  await withTimeout(
    new Promise<void>((resolve, reject) => {
      stream.on('end', resolve);
      stream.on('close', resolve);
      stream.on('error', reject);
    }),
    EXEC_TIMEOUT_MS,
  ).finally(() => stream.destroy());
  const seen = new Map<string, boolean>();
  for (const line of out.split('\n')) {
    const [verdict, target] = line.trim().split(' ');
    if (target && (verdict === 'ok' || verdict === 'no')) seen.set(target, verdict === 'ok');
  }
  if (seen.size === 0 && targets.length > 0) throw new Error('the probe printed nothing: the container needs sh and ping');
  return seen;
}

/**
 * Live probes for predicted pairs: one exec per source container (at most `concurrency` at once),
 * each pinging every name and address the prediction lists for its targets.
 */
export async function probePairs(app: FastifyInstance, pairs: ReachPairBody[], concurrency: number): Promise<ProbedPair[]> {
  const bySource = new Map<string, ReachPairBody[]>();
  for (const pair of pairs) bySource.set(pair.from, [...(bySource.get(pair.from) ?? []), pair]);
  const limit = pLimit(concurrency);
  const results = await Promise.all(
    [...bySource].map(([from, own]) =>
      limit(async (): Promise<ProbedPair[]> => {
        const predicted = (p: ReachPairBody) => ({ byName: p.byName, byIp: p.byIp });
        const unprobed = (note: string) =>
          own.map((p) => ({ from: p.from, to: p.to, predicted: predicted(p), observed: null, agrees: null, note, tried: {} }));
        const source = findContainer(app.topology.current, from);
        if (!source || source.state !== 'running') return unprobed(`${from} is not running: nothing to probe from`);
        const targets = [...new Set(own.flatMap((p) => [...p.names, ...p.addresses]))].filter(isTarget);
        let seen: Map<string, boolean>;
        try {
          seen = await probeFrom(app, source.id, targets);
        } catch (err) {
          return unprobed(`probe in ${from} failed: ${(err as Error).message}`);
        }
        return own.map((p) => {
          const tried: Record<string, boolean> = {};
          for (const t of [...p.names, ...p.addresses]) if (seen.has(t)) tried[t] = seen.get(t) === true;
          const observed = { byName: p.names.some((n) => seen.get(n) === true), byIp: p.addresses.some((a) => seen.get(a) === true) };
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
      }),
    ),
  );
  return results.flat();
}
