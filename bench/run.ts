/**
 * `npm run bench`: snapshot cost (a) and event latency (b) against the real engine, reachability
 * served to 20 clients (d, no engine), and a network edit's offline time (g, at 10 containers
 * here: 100 take minutes, see bench/network-edit.ts), printed as tables at the end. Every object it
 * makes is named `bbbench-…` and removed at start and at exit. See bench/README.md for what each
 * column means.
 */
import { performance } from 'node:perf_hooks';
import { engineJson } from './engine-api.js';
import { runEventLatency, type LatencyResult } from './event-latency.js';
import { cleanupAndSay, runToExit } from './lifecycle.js';
import { editSizesFromEnv, runNetworkEditBench } from './network-edit-measure.js';
import { networkEditHeader, networkEditStepTable, networkEditTable } from './network-edit-table.js';
import { reachabilityLoadHeader, reachabilityLoadTable, runReachabilityLoad } from './reachability-load.js';
import { describeCalls, PREFIX, progress, runSnapshotBench, stopping, type Measure, type SnapshotRow } from './snapshot.js';
import { quantile } from './stats.js';
import { blankRepeats, columnGroup, kib, ms, msSpread, renderTable, type Column, type TableOptions } from './table.js';

/**
 * BENCH_SIZES overrides the extra container counts (comma-separated, ascending; e.g. `0,20` for a
 * quick try on a shared engine); BENCH_EVENT_OPS the operations per event pass (even; e.g. 10).
 */
const SIZES = sizesFromEnv(process.env.BENCH_SIZES, [0, 100, 500]);
const EVENT_OPS = opsFromEnv(process.env.BENCH_EVENT_OPS, 100);
const EVENT_PAUSE_MS = 200;

function sizesFromEnv(raw: string | undefined, fallback: number[]): number[] {
  if (raw === undefined || raw.trim() === '') return fallback;
  const sizes = raw.split(',').map((part) => Number(part.trim()));
  if (!sizes.length || sizes.some((n, i) => !Number.isInteger(n) || n < 0 || n < (sizes[i - 1] ?? 0))) {
    throw new Error(`BENCH_SIZES must be ascending whole numbers ≥ 0, comma-separated (got '${raw}')`);
  }
  return sizes;
}

function opsFromEnv(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const ops = Number(raw);
  // Even: the operations alternate connect/disconnect, and each pass must end disconnected.
  if (!Number.isInteger(ops) || ops < 2 || ops % 2 !== 0) throw new Error(`BENCH_EVENT_OPS must be an even number ≥ 2 (got '${raw}')`);
  return ops;
}

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

/** This bench's tables widen a group's first column under a long heading, as they always have. */
const LAYOUT: TableOptions = { widen: 'first' };

function snapshotTable(rows: SnapshotRow[]): string {
  const columns: Column[] = [
    ...columnGroup('engine holds', ['extra', 'ctrs', 'nets']),
    ...columnGroup('(1) GET /api/engines/local/topology', ['p50 ms', 'calls', 'KiB']),
    ...columnGroup('(2) relist: startApp()', ['p50 ms', 'calls']),
    ...columnGroup("(2') listAll() alone", ['p50 ms', 'calls']),
    ...columnGroup('(3) engine list ×2', ['p50 ms', 'calls', 'KiB']),
    ...columnGroup('(4) CLI network inspect', ['p50 ms', 'calls']),
  ];
  const m = (x: Measure, withBytes: boolean) => [ms(x.ms), String(x.calls), ...(withBytes ? [kib(x.bytes)] : [])];
  return renderTable(
    columns,
    rows.map((r) => [
      String(r.extra),
      String(r.containers),
      String(r.networks),
      ...m(r.http, true),
      ...m(r.relist, false),
      ...m(r.listAll, false),
      ...m(r.engineLists, true),
      ...m(r.cliInspect, false),
    ]),
    LAYOUT,
  );
}

function latencyTable(r: LatencyResult): string {
  const groups = ['POST answered', 'engine /events line', 'app socket.io patch', 'patch − events line'];
  const columns: Column[] = [
    ...columnGroup('pass', [''], true),
    ...columnGroup('operations', [''], true),
    ...groups.flatMap((group) => ['p50', 'p95', 'max'].map((title) => ({ group, title: `${title} ms` }))),
  ];
  const rows: string[][] = [];
  for (const pass of r.passes) {
    const overhead = pass.patch.map((p, i) => p - (pass.event[i] ?? Number.NaN));
    const row = (label: string, keep: (i: number) => boolean) => {
      const pick = (values: number[]) => values.filter((_, i) => keep(i));
      const series = [pass.call, pass.event, pass.patch, overhead].flatMap((values) => msSpread(pick(values)));
      return [pass.label, `${label} (${pick(pass.call).length})`, ...series];
    };
    rows.push(row('all', () => true));
    rows.push(row('connect', (i) => pass.actions[i] === 'connect'));
    rows.push(row('disconnect', (i) => pass.actions[i] === 'disconnect'));
  }
  return renderTable(columns, blankRepeats(rows, 1), LAYOUT);
}

function latencyFootnotes(r: LatencyResult): string[] {
  const out: string[] = [];
  const missed = (values: number[]) => values.filter((v) => !Number.isFinite(v)).length;
  for (const pass of r.passes) {
    const quiet = pass.patch.filter((_, i) => pass.disturbed[i] === false);
    const busy = pass.patch.filter((_, i) => pass.disturbed[i] === true);
    const inspects = (action: string) => {
      const v = pass.inspects.filter((_, i) => pass.actions[i] === action);
      return `p50 ${quantile(v, 0.5)}, max ${Math.max(...v)}, ≥ 4 in ${v.filter((n) => n >= 4).length} of ${v.length}`;
    };
    out.push(`${pass.label}:`);
    out.push(`  app inspects of the bench container per operation: connect ${inspects('connect')}; disconnect ${inspects('disconnect')}`);
    out.push(
      `  lines on our /events per operation: connect ${pass.linesPerOp.connect.toFixed(2)}, disconnect ${pass.linesPerOp.disconnect.toFixed(2)}`,
    );
    out.push(
      `  other clients' engine events from 1 s before the call until the patch: ${busy.length} of ${pass.patch.length} operations` +
        (busy.length ? ` (patch p50 ${ms(quantile(busy, 0.5))} ms on those, ${ms(quantile(quiet, 0.5))} ms on the rest)` : ''),
    );
    if (missed(pass.event) || missed(pass.patch)) {
      out.push(`  missed (nothing within ${r.timeoutMs} ms): /events ${missed(pass.event)}, patch ${missed(pass.patch)}`);
    }
  }
  out.push(`endpoint puts without an endpoint id (the container runs, so it should have one): ${r.emptyEndpointIds}`);
  return out;
}

function snapshotFootnotes(rows: SnapshotRow[]): string[] {
  const out: string[] = [];
  const largest = rows.at(-1);
  if (largest) {
    out.push(`calls at ${largest.extra} extra containers, by METHOD /path:`);
    out.push(`  (2)  ${describeCalls(largest.relist.breakdown)}`);
    out.push(`  (2') ${describeCalls(largest.listAll.breakdown)}`);
    out.push(`  (4)  ${describeCalls(largest.cliInspect.breakdown)}  (counted through a proxy in one extra, untimed run)`);
    out.push(`endpoints in the app's snapshot: ${rows.map((r) => `${r.endpoints} at ${r.extra}`).join(', ')}`);
  }
  for (const r of rows) {
    if (r.http.calls > 0)
      out.push(
        `(1) at ${r.extra}: ${describeCalls(r.http.breakdown)} during the requests (the watcher, following another client's changes)`,
      );
    for (const note of r.notes) out.push(`at ${r.extra}: ${note}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

/** Removes everything named `bbbench-…`, saying so. */
const sweep = (when: string) => cleanupAndSay(PREFIX, progress, when);

async function main(): Promise<void> {
  const started = performance.now();
  const version = await engineJson<{ Version: string; ApiVersion: string }>('GET', '/version');
  await sweep('left over from an earlier run');

  const rows = await runSnapshotBench({ sizes: SIZES, httpRequests: 20, relistRuns: 3, rawRuns: 10, cliRuns: 5 });
  // The extra containers are not needed any more, and other clients of the engine see them: remove now.
  await sweep('snapshot bench done');
  const latency = await runEventLatency(EVENT_OPS, [
    { label: 'back to back', pauseMs: 0 },
    { label: `spaced ${EVENT_PAUSE_MS} ms`, pauseMs: EVENT_PAUSE_MS },
  ]);
  await sweep('event bench done');
  const reach = await runReachabilityLoad();
  // 10 only unless EDIT_BENCH_SIZES says otherwise: 100 running containers take the engine minutes to start.
  const edits = await runNetworkEditBench(editSizesFromEnv([10]), stopping.signal);

  const out = [
    '',
    `Bridgeboard bench — engine ${version.Version} (API ${version.ApiVersion}), node ${process.version}, ${new Date().toISOString()}`,
    '',
    '(a) Snapshot cost. Extra containers: `docker create`d (not started) on the user network bbbench-net: each has a configured',
    '    endpoint (no endpoint id, no address). ms = median wall time; calls = engine API calls for one snapshot.',
    "    (1) 20 requests to a listening app · (2) fresh startApp() until ready, 3 runs · (2') listAll() alone, 3 runs",
    '    (3) GET /networks + GET /containers/json?all=1 at once, 10 runs · (4) docker network inspect $(docker network ls -q), 5 runs',
    '',
    snapshotTable(rows),
    '',
    ...snapshotFootnotes(rows),
    '',
    `(b) Event latency: ${latency.ops} operations per pass, POST /networks/{id}/connect and …/disconnect of one running container,`,
    '    alternately, sent over the engine socket with node:http (no CLI start-up). ms from sending the call.',
    `    back to back: next call as soon as its patch is in · spaced: ${EVENT_PAUSE_MS} ms pause after each patch.`,
    '',
    latencyTable(latency),
    '',
    ...latencyFootnotes(latency),
    '',
    ...reachabilityLoadHeader,
    '',
    reachabilityLoadTable(reach),
    '',
    ...networkEditHeader,
    '',
    networkEditTable(edits),
    '',
    networkEditStepTable(edits),
    '',
    `total bench time ${((performance.now() - started) / 1000).toFixed(0)} s`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

await runToExit(main, { prefix: PREFIX, progress, onSignal: () => stopping.abort() });
