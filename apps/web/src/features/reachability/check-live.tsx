import { Link } from 'react-router';
import type { ProbeResponse } from '@bridgeboard/contract';
import { Button } from '../../components/ui/button';
import { unprobedSources } from './probe-outcome';
import { useElapsed } from './use-elapsed';

export interface CheckLiveProps {
  /** Why the button is disabled (role, probes off), or null when it may run. */
  refusal: { text: string; settingsLink: boolean } | null;
  running: boolean;
  error: Error | null;
  last: ProbeResponse | null;
  /** The topology changed after the last run began: its marks may no longer hold. */
  stale: boolean;
  scopeLabel: string;
  onRun: () => void;
}

/** At most this many reasons in the status line; the cells hold the rest. */
const REASONS_SHOWN = 4;

/** The containers the last run could not probe from, and why: a row of "?" explained once. */
function Unprobed({ run }: { run: ProbeResponse }) {
  const sources = unprobedSources(run);
  if (sources.length === 0) return null;
  const more = sources.length - REASONS_SHOWN;
  return (
    <span data-probe-unprobed className="block text-slate-600 dark:text-slate-300">
      Not probed from {sources.length === 1 ? 'one container' : `${sources.length} containers`}:{' '}
      {sources
        .slice(0, REASONS_SHOWN)
        .map((s) => s.reason)
        .join('; ')}
      {more > 0 && `; and ${more} more (hover their cells)`}.
    </span>
  );
}

/** "Check live": the button, why it cannot run, the wait, and when the last run was. */
export function CheckLive({ refusal, running, error, last, stale, scopeLabel, onRun }: CheckLiveProps) {
  const seconds = useElapsed(running);
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm" data-check-live>
      <Button tone="primary" disabled={refusal !== null || running} onClick={onRun} aria-describedby="check-live-status">
        {running ? 'Checking…' : 'Check live'}
      </Button>
      <span id="check-live-status" role="status" className="text-slate-600 dark:text-slate-300">
        {refusal ? (
          <span data-refusal>
            {refusal.text}
            {refusal.settingsLink && (
              <>
                {' '}
                <Link to="/users#settings" className="text-sky-700 underline dark:text-sky-300">
                  Settings
                </Link>
              </>
            )}
          </span>
        ) : running ? (
          <span className="inline-flex items-center gap-2" data-probing>
            <progress className="h-2 w-24" aria-label="Probing" />
            Pinging inside each running container of {scopeLabel}, 1 s per target… {seconds} s
          </span>
        ) : error ? (
          <span className="text-rose-600">The last check failed: {error.message}</span>
        ) : last ? (
          <span data-probe-done>
            Checked {last.pairs.length} pairs at {new Date(last.startedAt).toLocaleTimeString()} in {(last.durationMs / 1000).toFixed(1)} s:
            ✓ agrees, ✗ differs, ? not probed.
            <Unprobed run={last} />
            {stale && (
              <strong data-probe-stale className="ml-1 text-amber-700 dark:text-amber-300">
                The topology has changed since: check again.
              </strong>
            )}
          </span>
        ) : (
          <span>Runs a fixed ping (by every name, and by address) from each running container to prove the prediction.</span>
        )}
      </span>
    </div>
  );
}
