import type { ExposedPort } from '@bridgeboard/topology';
import { ObjectLink } from './object-link';

const cell = 'px-3 py-1.5 text-left align-top';

/** `''` is how the engine reports a binding with no address given: every address, like 0.0.0.0. */
const hostAddress = (p: ExposedPort) => p.hostIp || '0.0.0.0';

/** Every `-p/--publish` binding: who can reach it from outside, and which networks would not need it. */
export function PortsTable({ ports }: { ports: ExposedPort[] }) {
  if (ports.length === 0)
    return <p className="text-sm text-slate-500">No container publishes a port: nothing is reachable from outside the host's networks.</p>;
  return (
    <table className="w-full border-collapse text-sm">
      <thead className="border-b border-slate-200 text-xs uppercase text-slate-500 dark:border-slate-700">
        <tr>
          <th className={cell}>Container</th>
          <th className={cell}>Port</th>
          <th className={cell}>Host address</th>
          <th className={cell}>Host port</th>
          <th className={cell}>Could reach it directly instead</th>
        </tr>
      </thead>
      <tbody>
        {ports.map((p) => (
          <tr
            key={`${p.container}/${p.containerPort}/${p.protocol}/${p.hostIp}/${p.hostPort}`}
            data-port={`${p.container}/${p.containerPort}/${p.protocol}`}
            className="border-b border-slate-100 dark:border-slate-800"
          >
            <td className={cell}>
              <ObjectLink kind="container" name={p.container} />
            </td>
            <td className={`${cell} font-mono`}>
              {p.containerPort}/{p.protocol}
            </td>
            <td className={cell}>
              <span className="font-mono">{hostAddress(p)}</span>
              {p.everyone && (
                <span
                  data-everyone
                  className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900 dark:bg-amber-900 dark:text-amber-100"
                  title="Bound to every address of the host: anyone who can reach the host can connect"
                >
                  everyone
                </span>
              )}
            </td>
            <td className={`${cell} font-mono`}>{p.hostPort}</td>
            <td className={cell}>
              {p.networks.length === 0 ? (
                <span className="text-slate-500">no network (not running, or no shared bridge)</span>
              ) : (
                <span className="flex flex-wrap gap-x-2">
                  {p.networks.map((n) => (
                    <ObjectLink key={n} kind="network" name={n} />
                  ))}
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
