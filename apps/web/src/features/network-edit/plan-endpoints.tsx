import type { NetworkEditPlan } from '@bridgeboard/topology';
import { CodeText } from './code-text';
import { cellText, endpointRows, type Cell, type EndpointRow } from './plan-rows';

function CellText({ c }: { c: Cell }) {
  const tone = c.refused ? 'font-semibold text-rose-700 dark:text-rose-400' : 'font-semibold text-amber-700 dark:text-amber-400';
  return <span className={c.changes ? tone : undefined}>{cellText(c)}</span>;
}

/** When the container is off the network; a refused plan runs no step, so it says nothing then. */
function outage(r: EndpointRow): string {
  if (!r.running) return 'not running: no outage';
  return r.offline ? `off the network during ${r.offline}` : '';
}

/** Every endpoint of the network, what it has now and after, and how each thing is kept. */
export function PlanEndpoints({ plan }: { plan: NetworkEditPlan }) {
  const rows = endpointRows(plan);
  if (rows.length === 0) return <p className="text-sm text-slate-500">No container is attached: the network alone is re-made.</p>;
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 dark:border-slate-700">
      <table className="w-full text-left text-xs" data-testid="edit-endpoints">
        <thead className="bg-slate-50 text-slate-500 dark:bg-slate-800/60 dark:text-slate-400">
          <tr>
            <th className="px-2 py-1 font-medium">Container</th>
            <th className="px-2 py-1 font-medium">Address</th>
            <th className="px-2 py-1 font-medium">MAC</th>
            <th className="px-2 py-1 font-medium">Aliases · links</th>
            <th className="px-2 py-1 font-medium">Kept by</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top dark:divide-slate-800">
          {rows.map((r) => (
            <tr key={r.container} data-edit-endpoint={r.container}>
              <td className="px-2 py-1.5">
                <span className="font-mono font-semibold">{r.container}</span>
                <span className="block text-slate-500">{outage(r)}</span>
              </td>
              <td className="px-2 py-1.5 font-mono">
                <CellText c={r.ipv4} />
                {r.ipv6 && (
                  <span className="block">
                    <CellText c={r.ipv6} />
                  </span>
                )}
              </td>
              <td className="px-2 py-1.5 font-mono">
                <CellText c={r.mac} />
              </td>
              <td className="px-2 py-1.5">
                {r.aliases.length === 0 && r.links.length === 0 && <span className="text-slate-400">—</span>}
                <span className="flex flex-wrap gap-1">
                  {r.aliases.map((a) => (
                    <span
                      key={a.name}
                      title={a.compose ? 'given by compose; a plain reconnect would drop it, so the plan keeps it explicitly' : 'alias'}
                      className="rounded bg-slate-100 px-1 font-mono dark:bg-slate-800"
                    >
                      {a.name}
                      {a.compose && <span className="ml-1 text-[10px] text-sky-700 dark:text-sky-400">compose</span>}
                    </span>
                  ))}
                  {r.links.map((l) => (
                    <span key={l} title="--link on this network" className="rounded bg-violet-50 px-1 font-mono dark:bg-violet-950/60">
                      --link {l}
                    </span>
                  ))}
                </span>
              </td>
              <td className="px-2 py-1.5 text-slate-600 dark:text-slate-300">
                <ul>
                  {r.kept.map((k) => (
                    <li key={k.field}>
                      <span className="font-medium">{k.field}</span>: <CodeText text={k.how} />
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
