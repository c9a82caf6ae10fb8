import type { SwarmNode } from '@bridgeboard/topology';

const cell = 'px-3 py-1.5 text-left align-top';

/** The swarm's nodes as the manager lists them (`docker node ls`), this engine marked. */
export function NodesTable({ nodes }: { nodes: SwarmNode[] }) {
  return (
    <table className="w-full border-collapse text-sm">
      <thead className="border-b border-slate-200 text-xs uppercase text-slate-500 dark:border-slate-700">
        <tr>
          <th className={cell}>Hostname</th>
          <th className={cell}>Role</th>
          <th className={cell}>State</th>
          <th className={cell}>Availability</th>
          <th className={cell}>Address</th>
          <th className={cell}>Engine</th>
        </tr>
      </thead>
      <tbody>
        {nodes.map((n) => (
          <tr key={n.id} data-swarm-node={n.hostname} className="border-b border-slate-100 dark:border-slate-800">
            <td className={cell}>
              <span className="font-mono font-semibold">{n.hostname || n.id.slice(0, 12)}</span>
              {n.self && (
                <span
                  data-self
                  className="ml-2 rounded bg-sky-100 px-1.5 py-0.5 text-xs font-semibold text-sky-900 dark:bg-sky-900 dark:text-sky-100"
                >
                  this engine
                </span>
              )}
            </td>
            <td className={cell}>
              {n.role}
              {n.leader && <span className="ml-1 text-xs font-semibold text-emerald-700 dark:text-emerald-300">leader</span>}
            </td>
            <td className={`${cell} ${n.state === 'ready' ? '' : 'font-semibold text-rose-600'}`}>{n.state}</td>
            <td className={`${cell} ${n.availability === 'active' ? '' : 'font-semibold text-amber-600'}`}>{n.availability}</td>
            <td className={`${cell} font-mono`}>{n.addr || '—'}</td>
            <td className={`${cell} font-mono`}>{n.engineVersion || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
