import { memo, type KeyboardEvent } from 'react';
import type { ReachPair } from '@bridgeboard/topology';
import type { ProbeOutcome } from './probe-outcome';
import { MARK_LABEL, MARK_SHORT, MARK_TONE, markOf } from './reach-mark';

export const DETAIL_ID = 'reach-cell-detail';
const PROBE_SIGN = { agree: '✓', differ: '✗', none: '?' } as const;

export interface ReachCellProps {
  pair: ReachPair;
  row: number;
  col: number;
  probe: ProbeOutcome | null;
  /** The one cell the Tab key lands on (roving tabindex); arrows move it. */
  tabbable: boolean;
  /** Row and column -1 for a hover: it shows the cell without moving the tab stop. */
  onShow: (pair: ReachPair, row: number, col: number) => void;
  onKeyDown: (e: KeyboardEvent<HTMLTableCellElement>, row: number, col: number) => void;
}

/** The live check in a few words for a screen reader; a pair that was not probed says why. */
const probeLabel = (probe: ProbeOutcome): string =>
  probe.mark === 'agree'
    ? 'confirmed live'
    : probe.mark === 'differ'
      ? 'live check differs'
      : `not probed (${probe.reason ?? 'no reason given'})`;

/** One verdict, compact: N, IP, L or –, with the live check's ✓/✗/? after a run. */
export const ReachCell = memo(function ReachCell({ pair, row, col, probe, tabbable, onShow, onKeyDown }: ReachCellProps) {
  const mark = markOf(pair);
  const title = [`${pair.from} → ${pair.to}: ${MARK_LABEL[mark]} (${pair.reason})`, pair.explanation, probe?.text]
    .filter(Boolean)
    .join('\n');
  return (
    <td
      data-cell={`${pair.from}→${pair.to}`}
      data-verdict={mark}
      data-reason={pair.reason}
      data-col={col}
      data-probe={probe?.mark}
      data-probe-reason={probe?.reason}
      tabIndex={tabbable ? 0 : -1}
      title={title}
      aria-label={`${pair.from} to ${pair.to}: ${MARK_LABEL[mark]}${probe ? `, ${probeLabel(probe)}` : ''}`}
      aria-describedby={DETAIL_ID}
      onMouseEnter={() => onShow(pair, -1, -1)}
      onFocus={() => onShow(pair, row, col)}
      onKeyDown={(e) => onKeyDown(e, row, col)}
      className={[
        'h-8 min-w-10 cursor-default border border-white px-1 text-center font-mono text-xs font-semibold ring-inset focus:outline-none focus:ring-2 focus:ring-sky-500 dark:border-slate-950',
        MARK_TONE[mark],
        probe?.mark === 'differ' ? 'ring-2 ring-rose-600' : '',
      ].join(' ')}
    >
      {MARK_SHORT[mark]}
      {probe && (
        <sup
          className={`ml-0.5 ${probe.mark === 'agree' ? 'text-emerald-700' : probe.mark === 'differ' ? 'text-rose-700' : 'text-slate-500'}`}
        >
          {PROBE_SIGN[probe.mark]}
        </sup>
      )}
    </td>
  );
});
