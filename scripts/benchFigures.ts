import { performance } from 'perf_hooks';
import { Stats, stats } from './benchStats';

/** Times `fn` `times` times after one warm-up run, so the figures are of compiled code. */
export function repeat(times: number, fn: () => unknown): number[] {
  fn();
  return Array.from({ length: times }, () => {
    const start = performance.now();
    fn();
    return performance.now() - start;
  });
}

/** Prints a figure's median and p90 in the bench's own output, and returns its statistics for the table. */
export function print(label: string, samples: number[]): Stats {
  const figures = stats(samples);
  console.log(
    `${label.padEnd(66)} median ${figures.median.toFixed(3).padStart(9)} ms   p90 ${figures.p90.toFixed(3).padStart(9)} ms   n=${figures.n}`,
  );
  return figures;
}
