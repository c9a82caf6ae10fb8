import type { ReachPair } from '@bridgeboard/topology';
import type { ProbeOutcome } from './probe-outcome';
import { DETAIL_ID } from './reach-cell';
import { MARK_LABEL, markOf } from './reach-mark';

/** The focused (or hovered) cell, explained in full under the table. */
export function ReachDetail({ pair, self, probe }: { pair: ReachPair | null; self: string | null; probe: ProbeOutcome | null }) {
  return (
    <div
      id={DETAIL_ID}
      aria-live="polite"
      data-detail={pair ? `${pair.from}→${pair.to}` : undefined}
      className="min-h-20 rounded-md border border-slate-200 bg-white p-3 text-sm dark:border-slate-700 dark:bg-slate-900"
    >
      {pair ? (
        <>
          <p>
            <span className="font-mono font-semibold">{pair.from}</span> → <span className="font-mono font-semibold">{pair.to}</span>:{' '}
            <strong>{MARK_LABEL[markOf(pair)]}</strong>{' '}
            <code className="rounded bg-slate-100 px-1 text-xs dark:bg-slate-800">{pair.reason}</code>
          </p>
          <p className="mt-1" data-explanation>
            {pair.explanation}.
          </p>
          {(pair.names.length > 0 || pair.addresses.length > 0) && (
            <p className="mt-1 text-xs text-slate-500">
              Names: <span className="font-mono">{pair.names.join(', ') || '—'}</span> · addresses:{' '}
              <span className="font-mono">{pair.addresses.join(', ') || '—'}</span>
              {pair.networks.length > 0 && (
                <>
                  {' '}
                  · through <span className="font-mono">{pair.networks.join(', ')}</span>
                </>
              )}
            </p>
          )}
          {probe &&
            (probe.mark === 'none' && probe.reason ? (
              <p className="mt-1 text-slate-600 dark:text-slate-300" data-probe-text>
                <strong>Not probed:</strong> <span data-probe-reason>{probe.reason}</span>
              </p>
            ) : (
              <p className={`mt-1 ${probe.mark === 'differ' ? 'font-semibold text-rose-700 dark:text-rose-300' : ''}`} data-probe-text>
                {probe.text}
              </p>
            ))}
        </>
      ) : self ? (
        <p>
          <span className="font-mono font-semibold">{self}</span> and itself: not a pair (every container reaches itself over lo).
        </p>
      ) : (
        <p className="text-slate-500">Hover over a cell, or focus one (Tab, then the arrow keys), to read why.</p>
      )}
    </div>
  );
}
