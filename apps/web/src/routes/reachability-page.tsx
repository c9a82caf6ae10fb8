import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { SelectField } from '../components/ui/select-field';
import { AcrossNodes } from '../features/reachability/across-nodes';
import { AcrossFromPicker } from '../features/reachability/across-from-picker';
import { selfHostname } from '../features/reachability/across-rows';
import { CheckLive } from '../features/reachability/check-live';
import { MatrixKey } from '../features/reachability/matrix-key';
import { outcomesOf } from '../features/reachability/probe-outcome';
import { ReachMatrix } from '../features/reachability/reach-matrix';
import { MATRIX_LIMIT, defaultScope, membersOf, parseScope, scopeOptions, scopeValue } from '../features/reachability/reach-scope';
import { useMatrix } from '../features/reachability/use-matrix';
import { useProbe } from '../features/reachability/use-probe';
import { useProbeRefusal } from '../features/reachability/use-probe-refusal';
import { useTopology } from '../features/topology/topology-query';
import { Header } from './header';

/**
 * Who reaches whom: the matrix for a network or compose project (`?scope=`), and the live check;
 * on a swarm node, what one container (`?from=`) reaches on the other nodes.
 */
export function ReachabilityPage() {
  const { data: topology, isPending, error } = useTopology();
  const [params, setParams] = useSearchParams();
  const asked = params.get('scope');
  const from = params.get('from') || null;
  // Each control changes its own parameter and keeps the others (?engine= among them).
  const setParam = (key: string, value: string) =>
    setParams((p) => {
      if (value) p.set(key, value);
      else p.delete(key);
      return p;
    });
  const options = useMemo(() => (topology ? scopeOptions(topology) : []), [topology]);
  // Parsed once per value: a fresh object each render would recompute every pair each render.
  const scope = useMemo(() => parseScope(asked) ?? (topology ? defaultScope(topology) : null), [asked, topology]);
  const value = scope ? scopeValue(scope) : '';
  const current = options.find((o) => o.value === value);
  const matrix = useMatrix(topology, scope);
  const probe = useProbe();
  const [probedRev, setProbedRev] = useState<number | null>(null);
  const refusal = useProbeRefusal();
  const outcomes = useMemo(() => (probe.data ? outcomesOf(probe.data) : null), [probe.data]);
  // A scope in the URL that no longer exists (a removed network) still gets a line in the select.
  const listed = current || !scope ? options : [...options, { value, label: `${value} (0)`, scope, size: 0 }];

  return (
    <div className="flex h-full flex-col">
      <Header />
      <main className="flex-1 overflow-auto p-4" data-page="reachability">
        <div className="mx-auto max-w-6xl space-y-4">
          <h2 className="text-xl font-semibold">Reachability</h2>
          <p className="text-sm text-slate-600 dark:text-slate-300">
            Who reaches whom, predicted from the live topology: a user-defined network gives DNS by name; the default bridge gives IP only,
            unless a legacy <code>--link</code> adds one name, one way; <code>enable_icc=false</code>, <code>internal</code>,{' '}
            <code>host</code>, <code>none</code> and <code>container:</code> modes change the answer as the article explains.
          </p>
          {isPending && (
            <p role="status" className="text-slate-500">
              Loading the engine's networks…
            </p>
          )}
          {error && (
            <p role="alert" className="text-rose-600">
              Could not load the topology: {error.message}
            </p>
          )}
          {topology && scope && (
            <>
              <div className="flex flex-wrap items-end gap-4">
                <SelectField
                  id="reach-scope"
                  label="Containers of"
                  className="w-80"
                  value={value}
                  options={listed}
                  onChange={(e) => setParam('scope', e.target.value)}
                />
                <AcrossFromPicker value={from} onChange={(name) => setParam('from', name)} />
                <CheckLive
                  refusal={refusal}
                  running={probe.isPending}
                  error={probe.error}
                  last={probe.data ?? null}
                  stale={probedRev !== null && topology.rev !== probedRev}
                  scopeLabel={scope.kind === 'all' ? 'the engine' : scope.name}
                  onRun={() => {
                    setProbedRev(topology.rev);
                    probe.mutate(
                      scope.kind === 'network'
                        ? { network: scope.name }
                        : scope.kind === 'project'
                          ? { containers: membersOf(topology, scope).map((c) => c.name) }
                          : {},
                    );
                  }}
                />
              </div>
              <MatrixKey />
              {matrix?.tooMany ? (
                <p role="status" className="text-slate-600">
                  {matrix.names.length} containers are too many for one table (at most {MATRIX_LIMIT}): pick a network or a compose project.
                </p>
              ) : matrix && matrix.names.length < 2 ? (
                <p role="status" className="text-slate-600">
                  Fewer than two containers here: nothing to compare.
                </p>
              ) : (
                matrix && <ReachMatrix names={matrix.names} pairs={matrix.pairs} outcomes={outcomes} />
              )}
              {from && <AcrossNodes key={from} from={from} rev={topology.rev} self={selfHostname(topology)} />}
            </>
          )}
        </div>
      </main>
    </div>
  );
}
