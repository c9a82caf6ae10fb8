/**
 * `npm run bench`: snapshot cost (a) and event latency (b) against the real engine, printed as
 * tables at the end. Every object it makes is named `bbbench-…` and removed at start and at exit.
 * See bench/README.md for what each column means.
 */
import { performance } from 'node:perf_hooks';
import { runEventLatency, type LatencyResult } from './event-latency.js';
import {
  cleanup,
  describeCalls,
  stopping,
  engineJson,
  progress,
  quantile,
  runSnapshotBench,
  type Measure,
  type SnapshotRow,
} from './snapshot.js';

const SIZES = [0, 100, 500];
const EVENT_OPS = 100;
const EVENT_PAUSE_MS = 200;

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

interface Column {
  group: string;
  title: string;
  left?: boolean;
}

/** Columns side by side under group headings, groups split by │. */
function renderTable(columns: Column[], rows: string[][]): string {
  const widths = columns.map((c, i) => Math.max(c.title.length, ...rows.map((r) => (r[i] ?? '').length)));
  // Group spans: consecutive columns with the same group.
  const spans: { group: string; from: number; to: number }[] = [];
  columns.forEach((c, i) => {
    const last = spans.at(-1);
    if (last && last.group === c.group) last.to = i;
    else spans.push({ group: c.group, from: i, to: i });
  });
  // Widen the last column of a span when its heading is longer than the columns under it.
  for (const s of spans) {
    const inner = widths.slice(s.from, s.to + 1).reduce((a, w) => a + w, 0) + 2 * (s.to - s.from);
    if (s.group.length > inner) widths[s.from] = (widths[s.from] ?? 0) + s.group.length - inner;
  }
  const cell = (text: string, i: number) => (columns[i]?.left ? text.padEnd(widths[i] ?? 0) : text.padStart(widths[i] ?? 0));
  const line = (cells: string[]) =>
    spans
      .map((s) =>
        cells
          .slice(s.from, s.to + 1)
          .map((t, k) => cell(t, s.from + k))
          .join('  '),
      )
      .join(' │ ');
  const spanWidth = (s: { from: number; to: number }) => widths.slice(s.from, s.to + 1).reduce((a, w) => a + w, 0) + 2 * (s.to - s.from);
  const heading = spans.map((s) => s.group.padEnd(spanWidth(s))).join(' │ ');
  const rule = spans.map((s) => '─'.repeat(spanWidth(s))).join('─┼─');
  return [heading, line(columns.map((c) => c.title)), rule, ...rows.map(line)].join('\n');
}

function ms(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value < 10) return value.toFixed(2);
  if (value < 100) return value.toFixed(1);
  return value.toFixed(0);
}

const kib = (bytes: number | undefined) => (bytes === undefined ? '—' : (bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0));

function snapshotTable(rows: SnapshotRow[]): string {
  const columns: Column[] = [
    { group: 'engine holds', title: 'extra' },
    { group: 'engine holds', title: 'ctrs' },
    { group: 'engine holds', title: 'nets' },
    { group: '(1) GET /api/topology', title: 'p50 ms' },
    { group: '(1) GET /api/topology', title: 'calls' },
    { group: '(1) GET /api/topology', title: 'KiB' },
    { group: '(2) relist: startApp()', title: 'p50 ms' },
    { group: '(2) relist: startApp()', title: 'calls' },
    { group: "(2') listAll() alone", title: 'p50 ms' },
    { group: "(2') listAll() alone", title: 'calls' },
    { group: '(3) engine list ×2', title: 'p50 ms' },
    { group: '(3) engine list ×2', title: 'calls' },
    { group: '(3) engine list ×2', title: 'KiB' },
    { group: '(4) CLI network inspect', title: 'p50 ms' },
    { group: '(4) CLI network inspect', title: 'calls' },
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
  );
}

function latencyTable(r: LatencyResult): string {
  const stat = (values: number[]) => {
    const ok = values.filter(Number.isFinite);
    return [ms(quantile(ok, 0.5)), ms(quantile(ok, 0.95)), ms(ok.length ? Math.max(...ok) : Number.NaN)];
  };
  const groups = ['POST answered', 'engine /events line', 'app socket.io patch', 'patch − events line'];
  const columns: Column[] = [
    { group: 'pass', title: '', left: true },
    { group: 'operations', title: '', left: true },
    ...groups.flatMap((group) => ['p50', 'p95', 'max'].map((title) => ({ group, title: `${title} ms` }))),
  ];
  const rows: string[][] = [];
  for (const pass of r.passes) {
    const overhead = pass.patch.map((p, i) => p - (pass.event[i] ?? Number.NaN));
    const row = (label: string, keep: (i: number) => boolean) => {
      const pick = (values: number[]) => values.filter((_, i) => keep(i));
      const series = [pass.call, pass.event, pass.patch, overhead].flatMap((values) => stat(pick(values)));
      return [rows.some((cells) => cells[0] === pass.label) ? '' : pass.label, `${label} (${pick(pass.call).length})`, ...series];
    };
    rows.push(row('all', () => true));
    rows.push(row('connect', (i) => pass.actions[i] === 'connect'));
    rows.push(row('disconnect', (i) => pass.actions[i] === 'disconnect'));
  }
  return renderTable(columns, rows);
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

async function cleanupAndSay(when: string): Promise<void> {
  const removed = await cleanup();
  if (removed.containers || removed.networks)
    progress(`${when}: removed ${removed.containers} containers and ${removed.networks} networks named bbbench-*`);
}

async function main(): Promise<void> {
  const started = performance.now();
  const version = await engineJson<{ Version: string; ApiVersion: string }>('GET', '/version');
  await cleanupAndSay('left over from an earlier run');

  const rows = await runSnapshotBench({ sizes: SIZES, httpRequests: 20, relistRuns: 3, rawRuns: 10, cliRuns: 5 });
  // The 500 containers are not needed any more, and other clients of the engine see them: remove now.
  await cleanupAndSay('snapshot bench done');
  const latency = await runEventLatency(EVENT_OPS, [
    { label: 'back to back', pauseMs: 0 },
    { label: `spaced ${EVENT_PAUSE_MS} ms`, pauseMs: EVENT_PAUSE_MS },
  ]);
  await cleanupAndSay('event bench done');

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
    `total bench time ${((performance.now() - started) / 1000).toFixed(0)} s`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

let interrupted: NodeJS.Signals | null = null;

let finishing: Promise<never> | null = null;

/** Cleans up and exits; a signal and a failing main may both get here, and share one cleanup. */
function finish(code: number): Promise<never> {
  finishing ??= (async () => {
    try {
      await cleanupAndSay(interrupted ? `after ${interrupted}` : 'after the failure');
    } catch (err) {
      console.error('cleanup failed:', err);
    }
    process.exit(code);
  })();
  return finishing;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = signal;
    stopping.abort();
    progress(`${signal}: stopping and cleaning up`);
    void finish(130);
  });
}

try {
  await main();
  process.exit(0);
} catch (err) {
  // After a signal, failures of the interrupted work (killed CLI runs, aborts) are expected.
  if (!interrupted) console.error(err);
  await finish(interrupted ? 130 : 1);
}
