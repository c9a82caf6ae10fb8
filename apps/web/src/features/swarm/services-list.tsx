import type { ServiceRow } from './swarm-view';
import { TasksTable } from './tasks-table';

/** Each service (`docker service ls` and `inspect`), with its tasks under it. */
export function ServicesList({ services }: { services: ServiceRow[] }) {
  if (services.length === 0) return <p className="text-sm text-slate-500">No service runs on this swarm.</p>;
  return (
    <ul className="space-y-4">
      {services.map((s) => (
        <li key={s.id} data-service={s.name} className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
          <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
            <h4 className="font-mono text-base font-bold">{s.name}</h4>
            <span className="font-mono text-xs text-slate-500">{s.image}</span>
            <span
              data-replicas={`${s.running}/${s.desired}`}
              className={`ml-auto rounded px-1.5 py-0.5 text-xs font-semibold ${s.running === s.desired ? 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100' : 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100'}`}
              title="tasks running / tasks desired"
            >
              {s.mode} · {s.running}/{s.desired}
            </span>
          </div>
          <dl className="mt-2 grid grid-cols-[9rem_1fr] gap-x-2 gap-y-0.5 text-sm">
            <dt className="text-slate-500">endpoint mode</dt>
            <dd>
              {s.endpointMode}{' '}
              <span className="text-xs text-slate-500">
                {s.endpointMode === 'vip' ? '(the name resolves to a virtual IP per network)' : '(the name resolves to each task)'}
              </span>
            </dd>
            <dt className="text-slate-500">VIPs</dt>
            <dd className="font-mono">
              {s.vips.length === 0
                ? '—'
                : s.vips.map((v) => (
                    <div key={`${v.network}/${v.addr}`} data-vip={`${v.network}/${v.addr}`}>
                      {v.addr} <span className="text-slate-500">on {v.network}</span>
                    </div>
                  ))}
            </dd>
            <dt className="text-slate-500">published ports</dt>
            <dd className="font-mono">
              {s.ports.length === 0
                ? '—'
                : s.ports.map((p) => (
                    <div key={`${p.publishedPort}/${p.protocol}`}>
                      {p.publishedPort}→{p.targetPort}/{p.protocol}{' '}
                      <span
                        className="text-slate-500"
                        title={p.publishMode === 'ingress' ? 'routing mesh: on every node' : 'only on the node running the task'}
                      >
                        {p.publishMode}
                      </span>
                    </div>
                  ))}
            </dd>
          </dl>
          <div className="mt-2">
            <TasksTable service={s.name} tasks={s.tasks} />
          </div>
        </li>
      ))}
    </ul>
  );
}
