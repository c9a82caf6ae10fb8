import type { Network, Topology } from '@bridgeboard/topology';
import { acrossNodes, serviceVips } from './overlay-groups';

/** A swarm-scoped network beyond this engine: its endpoints on every node, and the services' VIPs on it. */
export function OverlaySection({ topology: t, network: n }: { topology: Topology; network: Network }) {
  const groups = acrossNodes(t, n.id);
  const vips = serviceVips(t, n.id);
  const total = groups.reduce((sum, g) => sum + g.rows.length, 0);
  return (
    <>
      <section aria-label="Across nodes" data-section="across-nodes">
        <h3 className="mb-1 font-semibold">
          Across nodes ({total} on {groups.length} node{groups.length === 1 ? '' : 's'})
        </h3>
        {groups.length === 0 && <p className="text-sm text-slate-500">No container on any node is attached.</p>}
        <div className="space-y-2">
          {groups.map((g) => (
            <div key={g.addr} data-node-group={g.node}>
              <h4 className="flex items-baseline gap-2 text-sm font-semibold">
                <span className="font-mono">{g.node}</span>
                {g.self && <span className="text-xs font-normal text-slate-500">this engine</span>}
                <span className="ml-auto font-mono text-xs font-normal text-slate-500">{g.addr}</span>
              </h4>
              <ul className="ml-3 space-y-0.5">
                {g.rows.map((r) => (
                  <li key={`${r.name}/${r.ipv4 ?? ''}`} className="grid grid-cols-[1fr_7rem_6rem] gap-2 text-sm">
                    <span className="truncate font-mono">{r.name}</span>
                    <span className="font-mono text-xs text-slate-500">{r.ipv4 ?? '—'}</span>
                    <span className="truncate text-xs text-slate-500">{r.service ? `svc ${r.service}` : (r.sandbox ?? 'standalone')}</span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </section>
      {vips.length > 0 && (
        <section aria-label="Service VIPs" data-section="service-vips">
          <h3 className="mb-1 font-semibold">Service VIPs ({vips.length})</h3>
          <ul className="space-y-0.5">
            {vips.map((v) => (
              <li key={v.service} className="grid grid-cols-[1fr_8rem_auto] gap-2 text-sm">
                <span className="truncate font-mono">{v.service}</span>
                <span className="font-mono text-xs">{v.addr ?? '—'}</span>
                <span
                  className="text-xs text-slate-500"
                  title={
                    v.endpointMode === 'vip'
                      ? 'endpoint mode vip: the service name resolves to this virtual IP'
                      : 'endpoint mode dnsrr: no virtual IP, the service name resolves to each task'
                  }
                >
                  {v.endpointMode}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
