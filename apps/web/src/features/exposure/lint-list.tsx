import type { Lint } from '@bridgeboard/topology';
import { groupLints } from './group-lints';
import { LintCard, type LintCardProps } from './lint-card';

const HEADING: Record<Lint['severity'], string> = {
  danger: 'Dangerous',
  warning: 'Worth fixing',
  info: 'For information',
};

/** The lints, worst first, each severity under its own heading. */
export function LintList({ lints, ...actions }: { lints: Lint[] } & Omit<LintCardProps, 'lint'>) {
  if (lints.length === 0) return <p className="text-sm text-slate-500">Nothing to fix: the networks follow the article.</p>;
  return (
    <div className="space-y-4">
      {groupLints(lints).map((group) => (
        <section key={group.severity} aria-label={HEADING[group.severity]} data-severity={group.severity}>
          <h4 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">
            {HEADING[group.severity]} ({group.lints.length})
          </h4>
          <ul className="space-y-2">
            {group.lints.map((lint) => (
              <LintCard key={`${lint.code}:${lint.message}`} lint={lint} {...actions} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
