import { useState } from 'react';
import type { ExportSelection } from '@bridgeboard/topology';
import { CopyButton } from '../../components/ui/copy-button';
import { Dialog } from '../../components/ui/dialog';
import { useExport, type ExportFormat } from './use-export';

const TABS: { format: ExportFormat; label: string }[] = [
  { format: 'commands', label: 'Commands' },
  { format: 'compose', label: 'Compose' },
];

function ExportText({ format, selection }: { format: ExportFormat; selection: ExportSelection | undefined }) {
  const { data: text, error } = useExport(format, selection);
  if (error)
    return (
      <p role="alert" className="text-sm text-rose-600">
        Could not export: {error.message}
      </p>
    );
  if (text === undefined) return <p className="text-sm text-slate-500">Loading the topology…</p>;
  return (
    <div className="space-y-2">
      <div className="flex justify-end">
        <CopyButton text={text} />
      </div>
      <pre
        data-export={format}
        className="max-h-[60vh] overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100"
      >
        {text}
      </pre>
    </div>
  );
}

/** The topology, or `selection` of it, as the commands that rebuild it or as compose text, with Copy. */
export function ExportDialog({
  open,
  title,
  selection,
  onClose,
}: {
  open: boolean;
  title: string;
  selection?: ExportSelection;
  onClose: () => void;
}) {
  const [format, setFormat] = useState<ExportFormat>('commands');
  return (
    <Dialog size="wide" open={open} title={title} onClose={onClose}>
      <div role="tablist" aria-label="Export format" className="mb-3 flex gap-1 border-b border-slate-200 dark:border-slate-700">
        {TABS.map((tab) => (
          <button
            key={tab.format}
            type="button"
            role="tab"
            aria-selected={format === tab.format}
            onClick={() => setFormat(tab.format)}
            className={`-mb-px border-b-2 px-3 py-1.5 text-sm font-medium ${format === tab.format ? 'border-sky-600 text-sky-700 dark:text-sky-400' : 'border-transparent text-slate-500 hover:text-slate-800 dark:hover:text-slate-200'}`}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={format === 'commands' ? 'Commands' : 'Compose'}>
        <ExportText format={format} selection={selection} />
      </div>
    </Dialog>
  );
}
