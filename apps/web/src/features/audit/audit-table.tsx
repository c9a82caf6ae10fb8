import type { AuditEntry } from '@bridgeboard/contract';
import { AuditRow } from './audit-row';

const COLUMNS = ['Time', 'User', 'Action', 'Target', 'Result', 'Status', 'Error', 'Client'];

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <table className="w-full border-collapse text-left text-sm" aria-label="Audit log">
      <thead className="sticky top-0 bg-slate-50 text-xs uppercase tracking-wide text-slate-500 dark:bg-slate-950">
        <tr>
          {COLUMNS.map((c) => (
            <th key={c} scope="col" className="border-b border-slate-200 px-2 py-1.5 font-semibold dark:border-slate-700">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <AuditRow key={e.id} entry={e} />
        ))}
      </tbody>
    </table>
  );
}
