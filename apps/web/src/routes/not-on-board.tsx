import { Button } from '../components/ui/button';

/**
 * A deep link (`/networks/x`, `/containers/y`) to nothing the board holds: removed since the link
 * was made, or mistyped. Said in the details pane, with the board still usable beside it.
 */
export function NotOnBoard({ kind, name, onBack }: { kind: 'network' | 'container'; name: string; onBack: () => void }) {
  return (
    <section role="alert" aria-label={`No ${kind} named ${name}`} data-panel="missing" className="space-y-3">
      <h2 className="text-lg font-semibold">
        No {kind} named <span className="font-mono break-all">'{name}'</span>
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        The engine has no {kind} by that name or id: it may have been removed since the link was made, or the address is mistyped.
      </p>
      <Button onClick={onBack}>Back to the board</Button>
    </section>
  );
}
