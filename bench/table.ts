/** Plain-text tables for the benches' results, and the formats of their cells. */
import { spread } from './stats.js';

export interface Column {
  /** The heading over a run of consecutive columns with the same group. */
  group: string;
  title: string;
  /** Labels are left-aligned; numbers are right-aligned so their digits line up. */
  left?: boolean;
}

/** The columns of one group, in order: `columnGroup('frames', ['s', 'n', 'fps'])`. */
export function columnGroup(group: string, titles: string[], left = false): Column[] {
  return titles.map((title) => (left ? { group, title, left } : { group, title }));
}

export interface TableOptions {
  /**
   * Which column of a group takes the extra width when the group's heading is wider than its
   * columns. The default is the last; the server bench (run.ts) has always printed with the
   * first, and keeps that layout.
   */
  widen?: 'first' | 'last';
}

/** Columns side by side under group headings, groups split by │. */
export function renderTable(columns: Column[], rows: string[][], { widen = 'last' }: TableOptions = {}): string {
  const widths = columns.map((c, i) => Math.max(c.title.length, ...rows.map((r) => (r[i] ?? '').length)));
  // Group spans: consecutive columns with the same group.
  const spans: { group: string; from: number; to: number }[] = [];
  columns.forEach((c, i) => {
    const last = spans.at(-1);
    if (last && last.group === c.group) last.to = i;
    else spans.push({ group: c.group, from: i, to: i });
  });
  const spanWidth = (s: { from: number; to: number }) => widths.slice(s.from, s.to + 1).reduce((a, w) => a + w, 0) + 2 * (s.to - s.from);
  for (const s of spans) {
    const missing = s.group.length - spanWidth(s);
    const at = widen === 'first' ? s.from : s.to;
    if (missing > 0) widths[at] = (widths[at] ?? 0) + missing;
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
  return [
    spans.map((s) => s.group.padEnd(spanWidth(s))).join(' │ '),
    line(columns.map((c) => c.title)),
    spans.map((s) => '─'.repeat(spanWidth(s))).join('─┼─'),
    ...rows.map(line),
  ].join('\n');
}

/** Repeats of the first `lead` cells of a row are left blank, so groups of rows read as one. */
export function blankRepeats(rows: string[][], lead: number): string[][] {
  return rows.map((r, i) =>
    r.map((c, k) => (k < lead && i > 0 && rows[i - 1]?.slice(0, k + 1).join('\0') === r.slice(0, k + 1).join('\0') ? '' : c)),
  );
}

/** Milliseconds with three significant digits or so; — for a miss (NaN). */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value < 10) return value.toFixed(2);
  if (value < 100) return value.toFixed(1);
  return value.toFixed(0);
}

/** p50, p95 and max of the finite values, as ms cells (see spread()). */
export function msSpread(values: number[]): string[] {
  const s = spread(values);
  return [ms(s.p50), ms(s.p95), ms(s.max)];
}

export const fixed = (value: number, digits: number): string => (Number.isFinite(value) ? value.toFixed(digits) : '—');

export const kib = (bytes: number | undefined): string => (bytes === undefined ? '—' : (bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0));
