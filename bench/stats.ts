/** The statistics both benches report: nearest-rank quantiles, so every value shown was measured. */

/** Nearest rank: p95 of 100 samples is the 95th smallest. NaN when empty. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1] ?? Number.NaN;
}

export const median = (values: number[]): number => quantile(values, 0.5);

/**
 * p50, p95 and max of the finite values. NaN marks a sample that never arrived (a miss): misses
 * are counted apart, so they are left out here instead of being ranked. All NaN when none is left.
 */
export function spread(values: number[]): { p50: number; p95: number; max: number } {
  const ok = values.filter(Number.isFinite);
  return { p50: quantile(ok, 0.5), p95: quantile(ok, 0.95), max: ok.length ? Math.max(...ok) : Number.NaN };
}
