import type { SwarmPublishedPort } from '@bridgeboard/topology';

const cell = 'px-3 py-1.5 text-left align-top';

const MODE_TIP: Record<SwarmPublishedPort['publishMode'], string> = {
  ingress: 'ingress: every node of the swarm listens on the port and the routing mesh forwards to a task, wherever it runs',
  host: 'host: only the nodes running a task listen, each straight to its own task (no routing mesh)',
};

/** Node hostnames as badges; this engine's own is marked. */
function Nodes({ nodes, self, what }: { nodes: string[]; self: string | null; what: string }) {
  if (nodes.length === 0) return <span className="text-slate-500">none</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {nodes.map((n) => (
        <span
          key={n}
          data-node={n}
          title={`${what} ${n}${n === self ? ' (this engine)' : ''}`}
          className={`inline-flex items-center gap-0.5 rounded px-1 font-mono text-xs font-semibold ring-1 ${
            n === self
              ? 'bg-slate-100 text-slate-700 ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600'
              : 'bg-violet-100 text-violet-900 ring-violet-300 dark:bg-violet-950 dark:text-violet-100 dark:ring-violet-700'
          }`}
        >
          <span aria-hidden>⬢</span>
          {n}
        </span>
      ))}
    </span>
  );
}

/** Each swarm service's published port: who listens for it, and who ends up serving the connection. */
export function SwarmPortsTable({ ports, self }: { ports: SwarmPublishedPort[]; self: string | null }) {
  if (ports.length === 0)
    return <p className="text-sm text-slate-500">No service publishes a port: nothing of the swarm is reachable from outside its nodes.</p>;
  return (
    <table className="w-full border-collapse text-sm">
      <thead className="border-b border-slate-200 text-xs uppercase text-slate-500 dark:border-slate-700">
        <tr>
          <th className={cell}>Service</th>
          <th className={cell}>Published → target</th>
          <th className={cell}>Mode</th>
          <th className={cell}>Listens on</th>
          <th className={cell}>Served by</th>
        </tr>
      </thead>
      <tbody>
        {ports.map((p) => (
          <tr
            key={`${p.service}/${p.publishedPort}/${p.protocol}`}
            data-swarm-port={`${p.service}/${p.publishedPort}`}
            data-mode={p.publishMode}
            className="border-b border-slate-100 dark:border-slate-800"
          >
            <td className={`${cell} font-mono font-semibold`}>{p.service}</td>
            <td className={`${cell} font-mono`}>
              {p.publishedPort} → {p.targetPort}/{p.protocol}
            </td>
            <td className={cell}>
              <abbr title={MODE_TIP[p.publishMode]} className="cursor-help">
                {p.publishMode}
              </abbr>
            </td>
            <td className={cell} data-listens>
              <Nodes nodes={p.listensOn} self={self} what="listens on" />
            </td>
            <td className={cell} data-served>
              {p.servedBy.length === 0 ? (
                <span className="text-amber-700 dark:text-amber-300">no task running: connections find nothing to serve them</span>
              ) : (
                <Nodes nodes={p.servedBy} self={self} what="a task runs on" />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
