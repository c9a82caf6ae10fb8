/**
 * `npm run bench`: snapshot cost (a) and event latency (b) against the real engine, printed as
 * tables at the end. Every object it makes is named `bbbench-…` and removed at start and at exit.
 * See bench/README.md for what each column means.
 */
import { performance } from 'node:perf_hooks';
import { runEventLatency, type LatencyResult } from './event-latency.js';
import { cleanup, describeCalls, engineJson, progress, quantile, runSnapshotBench, type Measure, type SnapshotRow } from './snapshot.js';

const SIZES = [0, 100, 500];
const EVENT_OPS = 100;

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
  const overhead = r.patch.map((p, i) => p - (r.event[i] ?? Number.NaN));
  const groups = ['POST answered', 'engine /events line', 'app socket.io patch', 'patch − events line'];
  const columns: Column[] = [
    { group: 'operations', title: '', left: true },
    ...groups.flatMap((group) => ['p50', 'p95', 'max'].map((title) => ({ group, title: `${title} ms` }))),
  ];
  const row = (label: string, keep: (i: number) => boolean) => {
    const pick = (values: number[]) => values.filter((_, i) => keep(i));
    return [
      `${label} (${pick(r.call).length})`,
      ...stat(pick(r.call)),
      ...stat(pick(r.event)),
      ...stat(pick(r.patch)),
      ...stat(pick(overhead)),
    ];
  };
  const rows = [
    row('all', () => true),
    row('connect', (i) => r.actions[i] === 'connect'),
    row('disconnect', (i) => r.actions[i] === 'disconnect'),
    row('quiet engine', (i) => r.disturbed[i] === false),
    row('other clients busy', (i) => r.disturbed[i] === true),
  ];
  return renderTable(
    columns,
    rows.filter((cells) => !(cells[0] ?? '').endsWith('(0)')),
  );
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
  const latency = await runEventLatency(EVENT_OPS);
  await cleanupAndSay('event bench done');

  const out: string[] = [];
  out.push('');
  out.push(
    `Bridgeboard bench — engine ${version.Version} (API ${version.ApiVersion}), node ${process.version}, ${new Date().toISOString()}`,
  );
  out.push('');
  out.push('(a) Snapshot cost. Extra containers: `docker create` (created, not started) on the user network bbbench-net,');
  out.push(
    '    so each has a configured endpoint (no endpoint id, no address). ms = median wall time; calls = engine API calls per snapshot.',
  );
  out.push(
    "    (1) median of 20 requests to a listening app   (2) fresh startApp() until ready, median of 3   (2') listAll() only, median of 3",
  );
  out.push(
    '    (3) GET /networks + GET /containers/json?all=1 together over the socket, median of 10   (4) `docker network inspect $(docker network ls -q)`, median of 5',
  );
  out.push('');
  out.push(snapshotTable(rows));
  out.push('');
  out.push(...snapshotFootnotes(rows));
  out.push('');
  out.push(
    `(b) Event latency, ${latency.ops} operations: POST /networks/{id}/connect and …/disconnect of one running container, alternately,`,
  );
  out.push('    issued over the engine socket with node:http (no CLI start-up). Times are ms from issuing the call.');
  out.push('');
  out.push(latencyTable(latency));
  out.push('');
  const missed = (values: number[]) => values.filter((v) => !Number.isFinite(v)).length;
  out.push(
    `missed (nothing within ${latency.timeoutMs} ms): /events ${missed(latency.event)}, patch ${missed(latency.patch)}; ` +
      `endpoint puts without an endpoint id: ${latency.emptyEndpointIds}`,
  );
  out.push(
    `quiet engine = no container/network events from other clients between 1 s before the call and the patch; ` +
      `other clients busy: ${latency.disturbed.filter(Boolean).length} of ${latency.ops} operations`,
  );
  out.push(`total bench time ${((performance.now() - started) / 1000).toFixed(0)} s`);
  process.stdout.write(`${out.join('\n')}\n`);
}

let exiting = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (exiting) return;
    exiting = true;
    progress(`${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}

try {
  await main();
  process.exit(0);
} catch (err) {
  console.error(err);
  try {
    await cleanupAndSay('after the failure');
  } catch (cleanupErr) {
    console.error('cleanup failed too:', cleanupErr);
  }
  process.exit(1);
}
