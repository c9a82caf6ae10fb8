import type { ProbeResponse } from '@bridgeboard/contract';
import { Button } from '../../components/ui/button';
import { useElapsed } from './use-elapsed';

export interface AcrossProbeProps {
  from: string;
  running: boolean;
  error: Error | null;
  last: ProbeResponse | null;
  /** How the last run went for the rows shown: agreeing, differing, not probed. */
  tally: { agree: number; differ: number; none: number } | null;
  /** The topology changed after the last run began. */
  stale: boolean;
  onRun: () => void;
}

/** "Probe across nodes": pings from inside `from` every target on another node (shown only where probes may run). */
export function AcrossProbe({ from, running, error, last, tally, stale, onRun }: AcrossProbeProps) {
  const seconds = useElapsed(running);
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm" data-probe-across>
      <Button tone="primary" disabled={running} onClick={onRun} aria-describedby="probe-across-status">
        {running ? 'Probing…' : 'Probe across nodes'}
      </Button>
      <span id="probe-across-status" role="status" className="text-slate-600 dark:text-slate-300">
        {running ? (
          <span className="inline-flex items-center gap-2" data-probing>
            <progress className="h-2 w-24" aria-label="Probing across nodes" />
            Pinging from inside {from}, by name and by address, 1 s per target… {seconds} s
          </span>
        ) : error ? (
          <span className="text-rose-600">The probe failed: {error.message}</span>
        ) : last && tally ? (
          <span data-probe-done>
            Probed at {new Date(last.startedAt).toLocaleTimeString()} in {(last.durationMs / 1000).toFixed(1)} s: {tally.agree} ✓ agree,{' '}
            {tally.differ} ✗ differ, {tally.none} ? not probed.
            {stale && (
              <strong data-probe-stale className="ml-1 text-amber-700 dark:text-amber-300">
                The topology has changed since: probe again.
              </strong>
            )}
          </span>
        ) : (
          <span>Pings every target below from inside {from} (its pairs on this engine too), and compares with the prediction.</span>
        )}
      </span>
    </div>
  );
}
