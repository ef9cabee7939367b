import { performance } from 'perf_hooks';

/** Times `fn` `times` times after one warm-up run, so the figures are of compiled code. */
export function repeat(times: number, fn: () => unknown): number[] {
  fn();
  return Array.from({ length: times }, () => {
    const start = performance.now();
    fn();
    return performance.now() - start;
  });
}

export function print(label: string, samples: number[]): void {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const p90 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))];
  console.log(
    `${label.padEnd(66)} median ${median.toFixed(3).padStart(9)} ms   p90 ${p90.toFixed(3).padStart(9)} ms   n=${samples.length}`,
  );
}
