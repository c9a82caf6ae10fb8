import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ReachPair } from '@bridgeboard/topology';
import { NOT_IN_RUN, pairKey, type ProbeOutcome } from './probe-outcome';
import { ReachCell } from './reach-cell';
import { ReachDetail } from './reach-detail';

export interface ReachMatrixProps {
  /** Row and column order. */
  names: string[];
  pairs: ReachPair[];
  /** The last live check's outcomes by `from→to`; null before any run. */
  outcomes: Map<string, ProbeOutcome> | null;
}

const MOVES: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

/** Rows reach columns. A grid with one tab stop; arrows walk it, and the box under it explains the cell in focus. */
export function ReachMatrix({ names, pairs, outcomes }: ReachMatrixProps) {
  const byKey = useMemo(() => new Map(pairs.map((p) => [pairKey(p.from, p.to), p])), [pairs]);
  const [active, setActive] = useState<[number, number]>([0, 1]);
  // A pair, or the name of a container whose diagonal cell (itself) has the focus.
  const [shown, setShown] = useState<ReachPair | string | null>(null);
  const table = useRef<HTMLTableElement>(null);
  const outcome = useCallback((p: ReachPair) => (outcomes ? (outcomes.get(pairKey(p.from, p.to)) ?? NOT_IN_RUN) : null), [outcomes]);

  const onShow = useCallback((pair: ReachPair | string, row: number, col: number) => {
    setShown(pair);
    if (row >= 0) setActive([row, col]);
  }, []);
  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLTableCellElement>, row: number, col: number) => {
      const move = MOVES[e.key];
      if (!move) return;
      e.preventDefault();
      const [r, c] = [row + move[0], col + move[1]];
      if (r < 0 || c < 0 || r >= names.length || c >= names.length) return;
      table.current?.querySelector<HTMLElement>(`[data-row="${r}"] [data-col="${c}"]`)?.focus();
    },
    [names.length],
  );

  return (
    <div className="space-y-3">
      <div className="overflow-auto">
        <table ref={table} className="border-collapse" aria-label="Who reaches whom: rows reach columns">
          <thead>
            <tr>
              <th className="p-1 text-left align-bottom text-xs font-normal text-slate-500">from ↓ to →</th>
              {names.map((n) => (
                <th key={n} scope="col" className="px-0.5 pb-1 align-bottom">
                  <span className="inline-block max-h-48 truncate font-mono text-xs font-semibold [writing-mode:vertical-rl] rotate-180">
                    {n}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {names.map((from, r) => (
              <tr key={from} data-row={r}>
                <th scope="row" className="max-w-56 truncate pr-2 text-right font-mono text-xs font-semibold">
                  {from}
                </th>
                {names.map((to, c) => {
                  const pair = byKey.get(pairKey(from, to));
                  // The diagonal is no pair, but a stop for the arrow keys all the same: a grid without holes.
                  if (!pair)
                    return (
                      <td
                        key={to}
                        data-col={c}
                        tabIndex={active[0] === r && active[1] === c ? 0 : -1}
                        aria-label={`${from} itself`}
                        onFocus={() => onShow(from, r, c)}
                        onKeyDown={(e) => onKeyDown(e, r, c)}
                        className="border border-white bg-slate-300 focus:outline-none focus:ring-2 focus:ring-inset focus:ring-sky-500 dark:border-slate-950 dark:bg-slate-700"
                      />
                    );
                  return (
                    <ReachCell
                      key={to}
                      pair={pair}
                      row={r}
                      col={c}
                      probe={outcome(pair)}
                      tabbable={active[0] === r && active[1] === c}
                      onShow={onShow}
                      onKeyDown={onKeyDown}
                    />
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {typeof shown === 'string' ? (
        <ReachDetail pair={null} self={shown} probe={null} />
      ) : (
        <ReachDetail pair={shown} self={null} probe={shown ? outcome(shown) : null} />
      )}
    </div>
  );
}
