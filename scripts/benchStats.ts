/** The summary of a benchmark's samples: its middle, its slow tail, and its range. */
export interface Stats {
  readonly n: number;
  readonly median: number;
  readonly p90: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
}

/**
 * Nearest-rank quantiles of `samples` (the smallest value at or above that share of them), so
 * that every figure is a value that was measured; the median of an even count is the mean of
 * the two middle values.
 */
export function stats(samples: readonly number[]): Stats {
  if (!samples.length) {
    throw new Error('a figure needs at least one sample');
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
  const middle = sorted.length / 2;
  return {
    n: sorted.length,
    median: sorted.length % 2 ? sorted[Math.floor(middle)] : (sorted[middle - 1] + sorted[middle]) / 2,
    p90: rank(0.9),
    p95: rank(0.95),
    min: sorted[0],
    max: sorted[sorted.length - 1],
  };
}
