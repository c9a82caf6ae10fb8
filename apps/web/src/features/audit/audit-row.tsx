import type { AuditEntry, AuditResult } from '@bridgeboard/contract';

const RESULT_TONE: Record<AuditResult, string> = {
  ok: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-200',
  refused: 'bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-200',
  failed: 'bg-rose-100 text-rose-800 dark:bg-rose-900/60 dark:text-rose-200',
};

const cell = 'px-2 py-1.5 align-top';

/** One audit entry. Everything in it is text from the server (names may be hostile): rendered as text only. */
export function AuditRow({ entry: e }: { entry: AuditEntry }) {
  const params = Object.keys(e.params).length > 0 ? JSON.stringify(e.params) : null;
  const target = [e.network, e.container].filter(Boolean).join(' / ');
  return (
    <tr data-audit-id={e.id} data-result={e.result} className="border-b border-slate-100 dark:border-slate-800">
      <td className={`${cell} whitespace-nowrap text-slate-500`}>
        <time dateTime={e.at} title={e.at}>
          {new Date(e.at).toLocaleString()}
        </time>
      </td>
      <td className={cell}>
        {e.user ? <span className="font-medium">{e.user}</span> : <span className="text-slate-400">nobody</span>}
        {e.role && <span className="ml-1 text-xs text-slate-500">({e.role})</span>}
        {e.allowedBy && (
          <div className="max-w-72 text-[11px] break-words text-slate-500" data-audit-allowed-by title="what allowed it">
            {e.allowedBy}
          </div>
        )}
      </td>
      <td className={`${cell} font-mono text-xs`}>
        {e.action}
        {params && (
          <div className="max-w-64 truncate text-[11px] text-slate-500" title={params}>
            {params}
          </div>
        )}
      </td>
      <td className={`${cell} font-mono text-xs break-all`} data-audit-engine={e.engine ?? ''}>
        {e.engine && (
          <span className="mr-1 rounded bg-slate-100 px-1 text-[11px] text-slate-600 dark:bg-slate-800 dark:text-slate-300" title="engine">
            {e.engine}
          </span>
        )}
        {target || (e.engine ? '' : '—')}
      </td>
      <td className={cell}>
        <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${RESULT_TONE[e.result]}`}>{e.result}</span>
      </td>
      <td className={`${cell} font-mono text-xs`}>{e.statusCode}</td>
      <td className={`${cell} max-w-80 text-xs break-words text-rose-700 dark:text-rose-300`}>{e.error ?? ''}</td>
      <td className={`${cell} font-mono text-xs text-slate-500`}>{e.client}</td>
    </tr>
  );
}
