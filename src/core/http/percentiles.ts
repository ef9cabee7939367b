/** Nearest-rank percentiles of a set of latencies, in the units given. */
export function percentiles(values: readonly number[]): { p50: number; p95: number; p99: number; max: number } {
  if (!values.length) {
    return { p50: 0, p95: 0, p99: 0, max: 0 };
  }
  const sorted = Float64Array.from(values).sort();
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  return { p50: at(50), p95: at(95), p99: at(99), max: sorted[sorted.length - 1] };
}
