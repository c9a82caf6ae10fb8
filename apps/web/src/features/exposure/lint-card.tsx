import type { Fix, Lint } from '@bridgeboard/topology';
import { Button } from '../../components/ui/button';
import { ObjectLink } from './object-link';

const TONE: Record<Lint['severity'], string> = {
  danger: 'border-rose-300 bg-rose-50 dark:border-rose-800 dark:bg-rose-950/50',
  warning: 'border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/40',
  info: 'border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900',
};

export interface LintCardProps {
  lint: Lint;
  /** Null when the role may not migrate (below operator): the button is not offered. */
  onMigrate: ((containers: string[]) => void) | null;
  /** Null when the role may not remove networks (below admin). */
  onRemoveNetwork: ((network: string) => void) | null;
}

function FixButton({ fix, onMigrate, onRemoveNetwork }: { fix: Fix } & Omit<LintCardProps, 'lint'>) {
  if (fix.kind === 'migrate')
    return onMigrate ? (
      <Button tone="primary" onClick={() => onMigrate(fix.containers)}>
        Migrate…
      </Button>
    ) : null;
  return onRemoveNetwork ? (
    <Button tone="danger" onClick={() => onRemoveNetwork(fix.network)}>
      Remove network
    </Button>
  ) : null;
}

/** One lint: what is wrong, the reason, what to do where the board has no one-click fix, the objects it names, and the fix where one exists. */
export function LintCard({ lint, onMigrate, onRemoveNetwork }: LintCardProps) {
  return (
    <li data-lint={lint.code} className={`rounded-md border p-3 ${TONE[lint.severity]}`}>
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <p className="font-medium">{lint.message}</p>
          <p className="text-sm text-slate-600 dark:text-slate-300">{lint.why}</p>
          {lint.advice && (
            <p className="text-sm" data-advice>
              <span className="font-medium">What to do: </span>
              {lint.advice}
            </p>
          )}
          {(lint.containers.length > 0 || lint.networks.length > 0) && (
            <p className="flex flex-wrap gap-x-3 text-sm">
              {lint.containers.map((c) => (
                <ObjectLink key={`c:${c}`} kind="container" name={c} />
              ))}
              {lint.networks.map((n) => (
                <ObjectLink key={`n:${n}`} kind="network" name={n} />
              ))}
            </p>
          )}
        </div>
        {lint.fix && <FixButton fix={lint.fix} onMigrate={onMigrate} onRemoveNetwork={onRemoveNetwork} />}
      </div>
    </li>
  );
}
