export type Stage = 'form' | 'plan' | 'apply';

const STAGES: readonly { stage: Stage; label: string }[] = [
  { stage: 'form', label: 'Change the settings' },
  { stage: 'plan', label: 'Read the plan' },
  { stage: 'apply', label: 'Apply and check' },
];

/** Where the user is in the edit: nothing changes on the engine before the third. */
export function EditStages({ current }: { current: Stage }) {
  return (
    <ol className="flex gap-4 text-xs text-slate-500 dark:text-slate-400" aria-label="Edit steps">
      {STAGES.map((s, i) => (
        <li
          key={s.stage}
          aria-current={s.stage === current ? 'step' : undefined}
          className={s.stage === current ? 'font-semibold text-sky-700 dark:text-sky-400' : undefined}
        >
          {i + 1}. {s.label}
        </li>
      ))}
    </ol>
  );
}
