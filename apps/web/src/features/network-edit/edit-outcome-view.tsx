import { Button } from '../../components/ui/button';
import { longestOffline, type EditOutcome } from './edit-outcome';

const BOX = 'rounded-md border p-3 text-sm';

/**
 * How the apply ended: kept (green), rolled back with the reason (what was undone is listed below
 * with the steps), or refused because the network changed since the plan, with the way back to a
 * fresh plan.
 */
export function EditOutcomeView({
  outcome,
  network,
  renamed,
  onShow,
  onReplan,
  replanning,
}: {
  outcome: EditOutcome;
  /** The network's name after the edit. */
  network: string;
  /** The edit renamed it: the panel that was open shows the old name no more, so the outcome links to the new. */
  renamed: boolean;
  onShow: ((name: string) => void) | null;
  onReplan: () => void;
  replanning: boolean;
}) {
  switch (outcome.kind) {
    case 'running':
      return (
        <p role="status" className="text-sm text-slate-500">
          Applying: each step turns done as the engine answers…
        </p>
      );
    case 'kept': {
      const offline = longestOffline(outcome.report);
      return (
        <div
          role="status"
          data-testid="edit-outcome"
          data-outcome="kept"
          className={`${BOX} border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950/50 dark:text-emerald-100`}
        >
          <p className="font-semibold">Kept</p>
          <p>
            {network} was re-made as asked, and every endpoint checked against the plan{offline ? `; ${offline}` : ''}.
          </p>
          {onShow && renamed && (
            <button type="button" className="mt-1 font-medium underline" onClick={() => onShow(network)}>
              See {network} on the board
            </button>
          )}
        </div>
      );
    }
    case 'rolled-back':
    case 'rollback-failed': {
      const held = outcome.kind === 'rolled-back';
      return (
        <div
          role="alert"
          data-testid="edit-outcome"
          data-outcome={outcome.kind}
          className={`${BOX} ${held ? 'border-amber-400 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950/50 dark:text-amber-100' : 'border-rose-400 bg-rose-50 text-rose-950 dark:border-rose-800 dark:bg-rose-950/50 dark:text-rose-100'}`}
        >
          <p className="font-semibold">{held ? 'Rolled back' : 'Rolled back only in part'}</p>
          <p>{outcome.report.reason ?? outcome.message}</p>
          <p className="mt-1">
            {held
              ? 'The network and every endpoint are back as they were: the commands that put them back are listed below.'
              : 'Some of the commands that put things back failed (marked below): the network or some endpoints are not as they were. Check them on the board.'}
          </p>
        </div>
      );
    }
    case 'stale':
      return (
        <div
          role="alert"
          data-testid="edit-outcome"
          data-outcome="stale"
          className={`${BOX} border-amber-400 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950/50 dark:text-amber-100`}
        >
          <p className="font-semibold">Nothing was changed: the network changed since this plan was made</p>
          <p>{outcome.message}</p>
          <Button tone="primary" className="mt-2" onClick={onReplan} disabled={replanning}>
            {replanning ? 'Planning…' : 'Review the new plan'}
          </Button>
        </div>
      );
    case 'error':
      return (
        <div
          role="alert"
          data-testid="edit-outcome"
          data-outcome="error"
          className={`${BOX} border-rose-300 bg-rose-50 text-rose-900 dark:border-rose-800 dark:bg-rose-950/50 dark:text-rose-100`}
        >
          {outcome.message}
        </div>
      );
  }
}
