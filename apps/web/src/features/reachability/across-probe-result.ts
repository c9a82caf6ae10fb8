import type { ProbedPair, ProbeResponse } from '@bridgeboard/contract';
import type { AcrossRow } from './across-rows';
import { outcomeOf, pairKey, probedByPair, type ProbeMark } from './probe-outcome';

/** A probe run's answer for each row of "Across nodes", by target; rows the run did not cover are absent. */
export function probedFor(run: ProbeResponse, rows: readonly AcrossRow[]): Map<string, ProbedPair> {
  const byPair = probedByPair(run);
  return new Map(
    rows.flatMap((r): [string, ProbedPair][] => {
      const p = byPair.get(pairKey(r.pair.from, r.pair.to));
      return p ? [[r.pair.to, p]] : [];
    }),
  );
}

/** How many rows the run confirmed, contradicted, or could not probe (a row it did not cover counts as not probed). */
export function acrossTally(rows: readonly AcrossRow[], probed: ReadonlyMap<string, ProbedPair>): Record<ProbeMark, number> {
  const tally: Record<ProbeMark, number> = { agree: 0, differ: 0, none: 0 };
  for (const r of rows) {
    const p = probed.get(r.pair.to);
    tally[p ? outcomeOf(p).mark : 'none'] += 1;
  }
  return tally;
}
