import type { TaskRow } from './swarm-view';

const cell = 'px-2 py-1 text-left align-top';

/** One service's tasks (`docker service ps`): where each runs, how it stands, its addresses. */
export function TasksTable({ service, tasks }: { service: string; tasks: TaskRow[] }) {
  if (tasks.length === 0) return <p className="text-sm text-slate-500">No task.</p>;
  return (
    <table className="w-full border-collapse text-xs" aria-label={`Tasks of ${service}`}>
      <thead className="text-slate-500">
        <tr>
          <th className={cell}>Slot</th>
          <th className={cell}>Node</th>
          <th className={cell}>State</th>
          <th className={cell}>Address</th>
          <th className={cell}>Error</th>
        </tr>
      </thead>
      <tbody>
        {tasks.map((x) => (
          <tr
            key={x.id}
            data-task={`${service}.${x.slot ?? x.node}`}
            className={`border-t border-slate-100 dark:border-slate-800 ${x.desiredState === 'running' ? '' : 'text-slate-400'}`}
          >
            <td className={`${cell} font-mono`}>{x.slot ?? '—'}</td>
            <td className={`${cell} font-mono`}>{x.node}</td>
            <td className={cell}>
              {x.state}
              {x.desiredState !== x.state && <span className="ml-1 text-slate-500">(desired {x.desiredState})</span>}
            </td>
            <td className={`${cell} font-mono`}>
              {x.addresses.length === 0
                ? '—'
                : x.addresses.map((a) => (
                    <div key={`${a.network}/${a.addr}`}>
                      {a.addr} <span className="text-slate-500">on {a.network}</span>
                    </div>
                  ))}
            </td>
            <td className={`${cell} text-rose-600`}>{x.error ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
