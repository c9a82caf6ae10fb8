import type { ReachPair } from '@bridgeboard/topology';

/** How one container reaches another, in four marks (the board's chips and the matrix's cells). */
export type ReachMark = 'name' | 'ip' | 'link' | 'none';

/** A --link is its own mark: it names one direction only and dies with the default bridge. */
export function markOf(pair: Pick<ReachPair, 'byName' | 'byIp' | 'reason'>): ReachMark {
  if (pair.reason === 'legacy-link' && pair.byName) return 'link';
  if (pair.byName) return 'name';
  if (pair.byIp) return 'ip';
  return 'none';
}

export const MARK_LABEL: Record<ReachMark, string> = {
  name: 'by name',
  ip: 'by IP only',
  link: 'by --link name',
  none: 'not reachable',
};

/** The matrix's compact verdicts. */
export const MARK_SHORT: Record<ReachMark, string> = { name: 'N', ip: 'IP', link: 'L', none: '–' };

/** Chip badge and cell colours; "none" is shown by dimming rather than a colour. */
export const MARK_TONE: Record<ReachMark, string> = {
  name: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100',
  ip: 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100',
  link: 'bg-violet-100 text-violet-900 dark:bg-violet-900 dark:text-violet-100',
  none: 'bg-slate-100 text-slate-400 dark:bg-slate-800 dark:text-slate-500',
};

/** "by name and IP", "IP only", …: what a probe or a prediction says in one phrase. */
export function seenPhrase(seen: { byName: boolean; byIp: boolean }): string {
  if (seen.byName && seen.byIp) return 'by name and IP';
  if (seen.byName) return 'by name only';
  if (seen.byIp) return 'by IP only';
  return 'not at all';
}
