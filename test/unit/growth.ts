import { performance } from 'perf_hooks';

/**
 * How the time of `work` grows with the size of its input: the slope of log(time) over
 * log(size), fitted by least squares. About 1 is linear, 2 quadratic, 3 cubic. A slope, not a
 * time limit, so a slow or busy machine does not fail the test; only a change of order does.
 */
export interface Growth {
  readonly slope: number;
  /** Milliseconds per size, the best of the repeats, for the failure message. */
  readonly times: readonly { size: number; ms: number }[];
}

/** Each size is timed as the best of this many runs, and each run repeats `work` until it lasts this long. */
const REPEATS = 5;
const MIN_RUN_MS = 4;
const WARM_UP_MS = 20;

export function measureGrowth<T>(
  sizes: readonly number[],
  input: (size: number) => T,
  work: (input: T) => void,
): Growth {
  const times = sizes.map((size) => {
    const value = input(size);
    // Warm up until the optimising compiler has had its go at the paths this size takes.
    const warmUntil = performance.now() + WARM_UP_MS;
    do {
      work(value);
    } while (performance.now() < warmUntil);
    let loops = 1;
    let best = Infinity;
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      let elapsed: number;
      for (;;) {
        const start = performance.now();
        for (let i = 0; i < loops; i++) {
          work(value);
        }
        elapsed = performance.now() - start;
        if (elapsed >= MIN_RUN_MS || loops >= 1 << 20) {
          break;
        }
        loops *= 2;
      }
      best = Math.min(best, elapsed / loops);
    }
    return { size, ms: best };
  });
  return { slope: fitSlope(times), times };
}

function fitSlope(points: readonly { size: number; ms: number }[]): number {
  const xs = points.map((p) => Math.log(p.size));
  const ys = points.map((p) => Math.log(Math.max(p.ms, 1e-6)));
  const meanX = xs.reduce((a, b) => a + b, 0) / xs.length;
  const meanY = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i] - meanX) * (ys[i] - meanY);
    den += (xs[i] - meanX) ** 2;
  }
  return num / den;
}

/** The message of a failed growth check: the slope and each size's time. */
export function describeGrowth(growth: Growth): string {
  const rows = growth.times.map((t) => `${t.size}: ${t.ms.toFixed(3)} ms`).join(', ');
  return `time grows as size^${growth.slope.toFixed(2)} (${rows})`;
}
