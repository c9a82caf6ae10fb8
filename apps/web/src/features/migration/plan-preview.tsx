import type { MigrationPlanBody } from '@bridgeboard/contract';
import { CopyButton } from '../../components/ui/copy-button';

/** What Apply will do: the warnings first (they are the point), then the exact commands. */
export function PlanPreview({ plan }: { plan: MigrationPlanBody }) {
  const general = plan.refusals.filter((r) => r.container === null);
  return (
    <div className="space-y-3">
      {general.length > 0 && (
        <ul role="alert" className="space-y-1 text-sm text-rose-700 dark:text-rose-400">
          {general.map((r) => (
            <li key={r.reason}>{r.reason}</li>
          ))}
        </ul>
      )}
      {plan.warnings.length > 0 && (
        <div
          data-plan-warnings
          className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950/50 dark:text-amber-100"
        >
          <p className="mb-1 font-semibold">Before you apply</p>
          <ul className="list-disc space-y-1 pl-5">
            {plan.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      {plan.commands.length > 0 && (
        <div>
          <div className="mb-1 flex items-center justify-between">
            <h3 className="text-sm font-medium">The commands Apply runs, in order</h3>
            <CopyButton text={plan.commands.join('\n')} label="Copy commands" />
          </div>
          <pre
            data-plan-commands
            className="max-h-48 overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100"
          >
            {plan.commands.join('\n')}
          </pre>
        </div>
      )}
    </div>
  );
}
