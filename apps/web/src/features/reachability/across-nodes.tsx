import { useMemo, useState } from 'react';
import { useProbe } from './use-probe';
import { useProbeRefusal } from './use-probe-refusal';
import { AcrossProbe } from './across-probe';
import { AcrossRow } from './across-row';
import { acrossTally, probedFor } from './across-probe-result';
import { useAcrossNodes } from './use-across-nodes';

const head = 'px-3 py-1.5 text-left';

/**
 * What `from` reaches on other swarm nodes over the overlays it is on, and, where live probes may
 * run, the probe that proves it. Nothing when it has nothing there. Give it `key={from}`: a probe
 * belongs to the container it ran from.
 */
export function AcrossNodes({ from, rev, self }: { from: string; rev: number; self: string | null }) {
  const { data: rows = [] } = useAcrossNodes(from);
  const probe = useProbe();
  const refusal = useProbeRefusal();
  const [probedRev, setProbedRev] = useState<number | null>(null);
  const probed = useMemo(() => (probe.data ? probedFor(probe.data, rows) : null), [probe.data, rows]);
  if (rows.length === 0) return null;
  return (
    <section aria-label="Across nodes" data-across-from={from} className="space-y-2">
      <h3 className="text-lg font-semibold">
        Across nodes from <span className="font-mono">{from}</span> ({rows.length})
      </h3>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        On an overlay, the embedded DNS answers every member's name on every node, and VXLAN carries the packets between the nodes; a
        service in <code>vip</code> mode also answers at its virtual IP, which IPVS in {from}'s own namespace spreads over its tasks.
      </p>
      {refusal === null && (
        <AcrossProbe
          from={from}
          running={probe.isPending}
          error={probe.error}
          last={probe.data ?? null}
          tally={probed ? acrossTally(rows, probed) : null}
          stale={probedRev !== null && rev !== probedRev}
          onRun={() => {
            setProbedRev(rev);
            probe.mutate({ from, acrossNodes: true });
          }}
        />
      )}
      <div className="overflow-auto">
        <table className="w-full border-collapse text-sm">
          <thead className="border-b border-slate-200 text-xs uppercase text-slate-500 dark:border-slate-700">
            <tr>
              <th className={head}>Target</th>
              <th className={head}>Node</th>
              <th className={head}>Overlay</th>
              <th className={head}>Predicted</th>
              {probed && <th className={head}>Live</th>}
              <th className={head}>Why</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <AcrossRow key={row.key} row={row} self={self} probed={probed ? (probed.get(row.pair.to) ?? null) : undefined} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
