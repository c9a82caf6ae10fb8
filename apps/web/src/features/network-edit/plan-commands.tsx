import { CopyButton } from '../../components/ui/copy-button';

/** The steps as the CLI commands they stand for: numbered, in order, copyable as a script. */
export function PlanCommands({ commands }: { commands: readonly string[] }) {
  if (commands.length === 0) return null;
  return (
    <div>
      <div className="mb-1 flex items-center justify-between">
        <h3 className="text-sm font-semibold">The {commands.length} steps Apply runs, in order</h3>
        <CopyButton text={commands.join('\n')} label="Copy commands" />
      </div>
      <ol
        data-plan-commands
        className="max-h-56 list-none overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100"
      >
        {commands.map((c, i) => (
          <li key={i} className="flex gap-2">
            <span aria-hidden className="w-6 shrink-0 select-none text-right text-slate-500">
              {i + 1}.
            </span>
            <span className="break-all">{c}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
