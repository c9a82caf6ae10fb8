import type { ProbedPair, ProbeResponse } from '@bridgeboard/contract';
import { seenPhrase, type ReachMark } from './reach-mark';

export type ProbeMark = 'agree' | 'differ' | 'none';

export interface ProbeOutcome {
  mark: ProbeMark;
  /** One sentence for the cell's details: what was seen, or why nothing was. */
  text: string;
  /** For a pair that was not probed: why, in the server's words (no sh or ping, not running, …). */
  reason?: string;
}

export const pairKey = (from: string, to: string): string => `${from}→${to}`;

function answered(tried: ProbedPair['tried']): string {
  const entries = Object.entries(tried);
  if (entries.length === 0) return 'nothing was tried';
  const yes = entries.filter(([, ok]) => ok).map(([t]) => t);
  const no = entries.filter(([, ok]) => !ok).map(([t]) => t);
  return [yes.length > 0 && `answered: ${yes.join(', ')}`, no.length > 0 && `silent: ${no.join(', ')}`].filter(Boolean).join('; ');
}

/** What one probed pair means for its cell. */
export function outcomeOf(p: ProbedPair): ProbeOutcome {
  if (p.observed === null || p.agrees === null) {
    const reason = p.note ?? 'no reason given';
    return { mark: 'none', text: `Not probed: ${reason}`, reason };
  }
  const seen = answered(p.tried);
  if (p.agrees) return { mark: 'agree', text: `Live check agrees: reached ${seenPhrase(p.observed)} (${seen})` };
  return {
    mark: 'differ',
    text: `Live check differs: predicted ${seenPhrase(p.predicted)}, observed ${seenPhrase(p.observed)} (${seen})${p.note ? ` — ${p.note}` : ''}`,
  };
}

/** The outcomes of a run by `from→to`; pairs the run did not cover are absent. */
export function outcomesOf(run: ProbeResponse): Map<string, ProbeOutcome> {
  return new Map(run.pairs.map((p) => [pairKey(p.from, p.to), outcomeOf(p)]));
}

/**
 * The containers a run could not probe from, once each with the reason (a container without sh or
 * ping makes a whole row of "?", which says more as one line than as a hundred cells).
 */
export function unprobedSources(run: ProbeResponse): { from: string; reason: string }[] {
  const bySource = new Map<string, string>();
  for (const p of run.pairs) if (p.observed === null && !bySource.has(p.from)) bySource.set(p.from, p.note ?? 'no reason given');
  return [...bySource].map(([from, reason]) => ({ from, reason }));
}

export const NOT_IN_RUN: ProbeOutcome = {
  mark: 'none',
  text: 'Not probed: this pair was not in the last live check',
  reason: 'this pair was not in the last live check',
};

/** What a probe saw, as one of the prediction's marks (a --link is never observed as such); null when it was not probed. */
export function observedMark(p: ProbedPair): ReachMark | null {
  if (!p.observed) return null;
  return p.observed.byName ? 'name' : p.observed.byIp ? 'ip' : 'none';
}

/**
 * A run's pairs by `from→to`. A key given twice keeps the last: with `acrossNodes` the server
 * appends the pairs on other nodes after those on this engine, so a container on another node
 * that has the name of one here is the one kept, which is what "Across nodes" asks for.
 */
export function probedByPair(run: ProbeResponse): Map<string, ProbedPair> {
  return new Map(run.pairs.map((p) => [pairKey(p.from, p.to), p]));
}
