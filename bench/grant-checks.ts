/**
 * Issue 15's cost of grant checks per request: the app with 0 and with 100 grants (users, provider
 * groups and tokens; all engines, one engine, networks by label and by name pattern), of which 10
 * reach the caller through its groups. (a) the checks alone, in µs per call: the contract's rights
 * over 0, 10 and 100 rules, and the guard's own steps on real requests; (b) requests end to end
 * that make the guard or the route decide on a network, sequential, p50/p95/max. See
 * bench/README.md, (i).
 *
 *   npx tsx --conditions=source bench/grant-checks.ts      # ~40 s; GRANT_BENCH_REQUESTS
 *
 * Makes two networks, `bbauthbench-pay` and `bbauthbench-orders`, removed at the end, at the start
 * (left from a crash) and on failure or Ctrl-C. Accounts, groups and tokens live in the app's
 * in-memory database.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Grant } from '@bridgeboard/contract';
import { listen, startAppWith, type App } from '../apps/api/test/helpers/app.js';
import { createUser, signIn } from '../apps/api/test/helpers/session.js';
import { AUTH_PREFIX, countFrom, progress } from './auth-bench.js';
import { BATCHES, capturing, checksTable, measureChecks, type CheckRow } from './auth-checks.js';
import {
  CALLER,
  CALLER_GROUPS,
  CALLERS_GRANTS,
  GRANTS,
  IDLE_GROUPS,
  OTHER,
  grantMix,
  OTHER_USERS,
  PAY,
  setGrants,
  TOKENS,
  waitForNetworks,
} from './auth-grant-mix.js';
import { agent, PROBES, requestsTable, runProbe } from './auth-requests.js';
import { engineJson } from './engine-api.js';
import { cleanupAndSay, runToExit } from './lifecycle.js';

/**
 * Requests per row and grant count, over ROUNDS rounds of 0 and 100 grants, the order swapped every
 * round: the machine's load drifts, and the app's heap and audit trail grow; both counts see the same.
 */
const REQUESTS = countFrom(process.env.GRANT_BENCH_REQUESTS, 2000, 'GRANT_BENCH_REQUESTS');
const ROUNDS = 6;

const sweep = (when: string) => cleanupAndSay(AUTH_PREFIX, progress, when);
let app: App | null = null;

async function main(): Promise<void> {
  const started = performance.now();
  await sweep('left over from an earlier run');
  for (const network of [PAY, OTHER])
    await engineJson('POST', '/networks/create', { Name: network.name, Driver: 'bridge', Labels: network.labels });

  const running = await startAppWith({ onRoute: capturing, env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
  app = running;
  const url = await listen(running);
  await waitForNetworks(app);
  const made = await createUser(app, CALLER, 'viewer');
  for (const name of OTHER_USERS) await createUser(app, name, 'viewer');
  // As a sign-in through the provider keeps them.
  app.users.setGroups(CALLER, [...CALLER_GROUPS, ...IDLE_GROUPS]);
  const tokenIds = Array.from({ length: TOKENS }, (_, i) => running.tokens.create(`${AUTH_PREFIX}t${i}`, 'viewer', 'bench').token.id);
  const session = await signIn(url, CALLER, made.password);
  const many = grantMix(tokenIds);
  const base = new URL(url);
  progress(`grants: app ${url}; ${REQUESTS} requests per row and grant count, in ${ROUNDS} rounds`);

  // Warm-up: V8 optimizes the routes, the guard and the client before anything is timed.
  for (const grants of [GRANTS, 0]) {
    await setGrants(app, grants ? many : []);
    for (const probe of PROBES) await runProbe(base, session, probe, grants, 200, []);
  }

  const samples = new Map<string, number[]>();
  const checks = new Map<string, CheckRow>();
  const perRound = Math.ceil(REQUESTS / ROUNDS);
  for (let round = 0; round < ROUNDS; round++) {
    for (const grants of round % 2 === 0 ? [0, GRANTS] : [GRANTS, 0]) {
      await setGrants(running, grants ? many : []);
      for (const probe of PROBES) {
        const key = `${probe.label}@${grants}`;
        const into = samples.get(key) ?? [];
        samples.set(key, into);
        await runProbe(base, session, probe, grants, perRound, into);
      }
      await measureChecks(app, base, session, grants, checks);
    }
    progress(`round ${round + 1} of ${ROUNDS} done`);
  }
  const held: Grant[] = app.grants.list();
  const kinds = (pick: (g: Grant) => string) => {
    const counts = new Map<string, number>();
    for (const g of held) counts.set(pick(g), (counts.get(pick(g)) ?? 0) + 1);
    return [...counts].map(([k, n]) => `${k} ${n}`).join(', ');
  };

  const out = [
    '',
    `(i) Grant checks per request — node ${process.version}, ${new Date().toISOString()}, load average ${loadavg()[0]?.toFixed(2) ?? '?'}`,
    `    The app (buildServer, in-process, the tests' startAppWith) on the real engine, the caller a viewer signed in with a`,
    `    session, in ${CALLER_GROUPS.length + IDLE_GROUPS.length} groups; at 100 grants ${CALLERS_GRANTS.length} reach it through ${CALLER_GROUPS.length} of them (none covers ${OTHER.name}).`,
    `    100 grants: subjects ${kinds((g) => g.subject.kind)}; scopes ${kinds((g) => g.scope.kind)}; roles ${kinds((g) => g.role)}.`,
    '',
    `(a) The checks alone: µs per call, median of ${ROUNDS * BATCHES} batches (${ROUNDS} rounds). authorize runs the guard on a request the app received,`,
    '    its principal made again with the grants of the moment; "all 100 rules": a holder every grant reaches.',
    '',
    checksTable([...checks.values()]),
    '',
    `(b) End to end: ${REQUESTS} sequential requests per row and grant count over one keep-alive connection (client in the`,
    `    same process), in ${ROUNDS} rounds of 0 and 100 grants, in turn first; every answer checked. p50 +: at 100 minus at 0.`,
    '',
    requestsTable(samples),
    '',
    `total ${((performance.now() - started) / 1000).toFixed(0)} s`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  await app.close();
  app = null;
  agent.destroy();
  await sweep('grant bench done');
}

await runToExit(main, {
  prefix: AUTH_PREFIX,
  progress,
  beforeCleanup: async () => {
    await app?.close();
  },
});
