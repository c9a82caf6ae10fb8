import type { EditRow, EditRows, RowStatus } from './edit-steps';

const LOOK: Record<RowStatus, { icon: string; text: string; tone: string }> = {
  pending: { icon: '○', text: 'waiting', tone: 'text-slate-400' },
  running: { icon: '◌', text: 'running', tone: 'text-sky-600 animate-pulse' },
  done: { icon: '✓', text: 'done', tone: 'text-emerald-600' },
  failed: { icon: '✕', text: 'failed', tone: 'text-rose-600' },
  undone: { icon: '↺', text: 'undone', tone: 'text-amber-700' },
  'not-run': { icon: '–', text: 'not run', tone: 'text-slate-400' },
};

/** A check is not a step: it holds or it differs. */
const CHECK_WORDS: Partial<Record<RowStatus, string>> = { done: 'as planned', failed: 'differs' };

function Rows({
  rows,
  label,
  testId,
  numbered,
  words = {},
}: {
  rows: EditRow[];
  label: string;
  testId: string;
  numbered: boolean;
  words?: Partial<Record<RowStatus, string>>;
}) {
  return (
    <ol className="space-y-1" aria-label={label}>
      {rows.map((r) => {
        const look = LOOK[r.status];
        return (
          <li key={r.index} data-testid={testId} data-index={r.index} data-status={r.status} className="flex items-start gap-2 text-sm">
            <span aria-hidden className={`w-4 shrink-0 text-center font-bold ${look.tone}`}>
              {look.icon}
            </span>
            {numbered && <span className="w-6 shrink-0 text-right font-mono text-xs leading-5 text-slate-400">{r.index + 1}.</span>}
            <span className="min-w-0 flex-1">
              <code className="font-mono text-xs break-all">{r.command || '…'}</code>
              {r.error && <span className="block text-xs text-rose-600 dark:text-rose-400">{r.error}</span>}
            </span>
            <span className={`shrink-0 text-xs ${look.tone}`}>{words[r.status] ?? look.text}</span>
          </li>
        );
      })}
    </ol>
  );
}

/**
 * The steps as the server runs them, the checks afterwards (folded away when they all hold: the
 * outcome says so), and the undoing when something did not hold.
 */
export function EditProgress({ rows }: { rows: EditRows }) {
  const differ = rows.verify.filter((r) => r.status === 'failed').length;
  return (
    <div className="space-y-3">
      <Rows rows={rows.steps} label="Edit steps" testId="edit-step" numbered />
      {rows.verify.length > 0 && (
        <details open={differ > 0} className="text-sm">
          <summary
            data-testid="edit-checks"
            className={`cursor-pointer font-semibold ${differ > 0 ? 'text-rose-700 dark:text-rose-400' : ''}`}
          >
            Checked against the plan: {rows.verify.length} checks,{' '}
            {differ > 0 ? `${differ} ${differ === 1 ? 'differs' : 'differ'}` : 'all as planned'}
          </summary>
          <div className="mt-1">
            <Rows rows={rows.verify} label="Checks" testId="edit-check" numbered={false} words={CHECK_WORDS} />
          </div>
        </details>
      )}
      {rows.undo.length > 0 && (
        <section>
          <h3 className="mb-1 text-sm font-semibold">Put back, in this order</h3>
          <Rows rows={rows.undo} label="Undo steps" testId="edit-undo" numbered={false} />
        </section>
      )}
    </div>
  );
}
