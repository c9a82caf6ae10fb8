import type { Lint } from '@bridgeboard/topology';

export const SEVERITIES = ['danger', 'warning', 'info'] as const;

/** Lints by severity, worst first; severities with no lint are left out. Order within one is kept. */
export function groupLints(lints: readonly Lint[]): { severity: Lint['severity']; lints: Lint[] }[] {
  return SEVERITIES.map((severity) => ({ severity, lints: lints.filter((l) => l.severity === severity) })).filter(
    (g) => g.lints.length > 0,
  );
}
