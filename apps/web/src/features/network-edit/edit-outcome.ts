import type { NetworkEditReport } from '@bridgeboard/contract';

/** How an apply ended, as the dialog tells it. */
export type EditOutcome =
  | { kind: 'running' }
  | { kind: 'kept'; report: NetworkEditReport }
  | { kind: 'rolled-back' | 'rollback-failed'; report: NetworkEditReport; message: string }
  /** Refused before any step: the network changed since the plan was made. */
  | { kind: 'stale'; message: string }
  | { kind: 'error'; message: string };

/** The longest a running container was off the network, in words; null when none was. */
export function longestOffline(report: NetworkEditReport): string | null {
  const longest = report.offlineMs.reduce<{ container: string; ms: number } | null>((a, b) => (a && a.ms >= b.ms ? a : b), null);
  if (!longest) return null;
  const ms = Math.round(longest.ms);
  return `${longest.container} was off the network longest: ${ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`}`;
}
