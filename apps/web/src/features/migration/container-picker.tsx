import type { Container } from '@bridgeboard/topology';
import type { MigrationPlanBody } from '@bridgeboard/contract';

export interface ContainerPickerProps {
  candidates: Container[];
  selected: ReadonlySet<string>;
  onToggle: (name: string) => void;
  /** The plan's refusals, shown next to the container they name. */
  refusals: MigrationPlanBody['refusals'];
  /** Containers the plan moves although not ticked (taken in by "include linked containers"). */
  alsoMoved: string[];
}

/** Checkboxes for the containers on the default bridge, each with its --link names and any refusal. */
export function ContainerPicker({ candidates, selected, onToggle, refusals, alsoMoved }: ContainerPickerProps) {
  if (candidates.length === 0) return <p className="text-sm text-slate-500">No container is on the default bridge.</p>;
  return (
    <fieldset className="space-y-1">
      <legend className="mb-1 text-sm font-medium">Containers on the default bridge</legend>
      <ul className="max-h-48 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-2 dark:border-slate-700">
        {candidates.map((c) => {
          const refusal = refusals.find((r) => r.container === c.name);
          const id = `migrate-${c.name}`;
          return (
            <li key={c.id} className="text-sm" data-candidate={c.name}>
              <label htmlFor={id} className="flex items-baseline gap-2">
                <input id={id} type="checkbox" checked={selected.has(c.name)} onChange={() => onToggle(c.name)} />
                <span className="font-mono">{c.name}</span>
                {c.state !== 'running' && <span className="text-xs text-slate-500">({c.state})</span>}
                {c.links.length > 0 && (
                  <span className="text-xs text-slate-500">--link {c.links.map((l) => `${l.container}:${l.alias}`).join(', ')}</span>
                )}
                {alsoMoved.includes(c.name) && <span className="text-xs text-sky-700 dark:text-sky-400">moved too (linked)</span>}
              </label>
              {refusal && (
                <p role="alert" className="ml-6 text-xs text-rose-600 dark:text-rose-400">
                  {refusal.reason}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
