import { Link } from 'react-router';
import type { StepRow, StepStatus } from './migration-steps';

const LOOK: Record<StepStatus, { icon: string; text: string; tone: string }> = {
  pending: { icon: '○', text: 'waiting', tone: 'text-slate-400' },
  running: { icon: '◌', text: 'running', tone: 'text-sky-600 animate-pulse' },
  done: { icon: '✓', text: 'done', tone: 'text-emerald-600' },
  failed: { icon: '✕', text: 'failed', tone: 'text-rose-600' },
  undoing: { icon: '↺', text: 'undoing', tone: 'text-amber-600 animate-pulse' },
  undone: { icon: '↺', text: 'undone', tone: 'text-amber-700' },
};

export type Outcome = { kind: 'running' } | { kind: 'success'; network: string | null } | { kind: 'failure'; message: string };

/** The steps as the server runs them (and, after a failure, undoes them), then how it ended. */
export function MigrationProgressView({ rows, outcome, onDone }: { rows: StepRow[]; outcome: Outcome; onDone: () => void }) {
  return (
    <div className="space-y-3">
      <ol className="space-y-1" aria-label="Migration steps">
        {rows.map((r) => {
          const look = LOOK[r.status];
          return (
            <li key={r.index} data-step={r.index} data-status={r.status} className="flex items-start gap-2 text-sm">
              <span aria-hidden className={`w-4 shrink-0 text-center font-bold ${look.tone}`}>
                {look.icon}
              </span>
              <span className="min-w-0 flex-1">
                <code className="break-all font-mono text-xs">{r.command}</code>
                {r.error && <span className="block text-xs text-rose-600 dark:text-rose-400">{r.error}</span>}
              </span>
              <span className={`shrink-0 text-xs ${look.tone}`}>{look.text}</span>
            </li>
          );
        })}
      </ol>
      {outcome.kind === 'running' && (
        <p role="status" className="text-sm text-slate-500">
          Applying…
        </p>
      )}
      {outcome.kind === 'success' && (
        <div
          role="status"
          data-outcome="success"
          className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900 dark:bg-emerald-950/50 dark:text-emerald-100"
        >
          Done.{' '}
          {outcome.network && (
            <Link to={`/networks/${encodeURIComponent(outcome.network)}`} onClick={onDone} className="font-medium underline">
              See {outcome.network} on the board
            </Link>
          )}
        </div>
      )}
      {outcome.kind === 'failure' && (
        <div
          role="alert"
          data-outcome="failure"
          className="rounded-md bg-rose-50 p-3 text-sm text-rose-900 dark:bg-rose-950/50 dark:text-rose-100"
        >
          {outcome.message}
        </div>
      )}
    </div>
  );
}
