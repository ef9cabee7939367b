import * as assert from 'assert';
import fc from 'fast-check';
import { describeGrowth, measureGrowth } from '../unit/growth';

/**
 * How the fuzz layer runs: a fixed seed, so a CI failure replays on any machine; OEW_FUZZ_SEED
 * for another one; `--full` (OEW_FUZZ_FULL) for 100,000 inputs per target instead of the CI count.
 */
export const SEED = process.env.OEW_FUZZ_SEED ? Number(process.env.OEW_FUZZ_SEED) : 20_261_204;
export const FULL = process.env.OEW_FUZZ_FULL === '1';
const FULL_RUNS = 100_000;

/** Inputs run per target, printed by the runner at the end for the README. */
export const inputsRun = new Map<string, number>();

/**
 * Shrinking a large counterexample once took ten minutes, past CI's budget: a failure stops at
 * once, and its seed and path replay the exact input for a closer look.
 */
const RUN = { seed: SEED, endOnFailure: true };

/**
 * Runs one property over `ciRuns` inputs (FULL_RUNS with --full), counted under `target`. A
 * target's properties split its inputs by `share`. On failure, the error carries the seed, the
 * path and the counterexample, and the replay command.
 */
export function fuzz<T>(
  target: string,
  ciRuns: number,
  arbitrary: fc.Arbitrary<T>,
  property: (value: T) => void,
): void {
  report(target, fc.check(fc.property(arbitrary, property), { ...RUN, numRuns: FULL ? FULL_RUNS : ciRuns }));
}

/** `fuzz` for a property that awaits (a request to a local server). */
export async function fuzzAsync<T>(
  target: string,
  ciRuns: number,
  arbitrary: fc.Arbitrary<T>,
  property: (value: T) => Promise<void>,
): Promise<void> {
  report(target, await fc.check(fc.asyncProperty(arbitrary, property), { ...RUN, numRuns: FULL ? FULL_RUNS : ciRuns }));
}

function report<T>(target: string, details: fc.RunDetails<T>): void {
  inputsRun.set(target, (inputsRun.get(target) ?? 0) + details.numRuns);
  if (details.failed) {
    const example = fc.stringify(details.counterexample).slice(0, 2_000);
    const cause =
      details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(
      `${target}: failed after ${details.numRuns} inputs (seed ${details.seed}, path "${details.counterexamplePath}"): ${cause.slice(0, 1_000)}\n` +
        `Counterexample: ${example}\n` +
        `Replay: OEW_FUZZ_SEED=${details.seed} npm run test:fuzz (fast-check path ${details.counterexamplePath})`,
    );
  }
}

/** Runs `work` twice and asserts the same result: no hidden state, no randomness in an analysis. */
export function deterministic<T>(work: () => T): T {
  const first = work();
  assert.deepStrictEqual(work(), first, 'the same input gave a different result the second time');
  return first;
}

/** Every range of a finding, and of each fix's edits, lies inside the text. */
export function assertInside(text: string, ranges: readonly { offset: number; length: number }[]): void {
  for (const r of ranges) {
    assert.ok(
      Number.isInteger(r.offset) && Number.isInteger(r.length) && r.offset >= 0 && r.length >= 0,
      `range ${r.offset}+${r.length} is not a pair of whole numbers from 0`,
    );
    assert.ok(r.offset + r.length <= text.length, `range ${r.offset}+${r.length} ends past the text (${text.length})`);
  }
}

/** Sizes spanning 16×, for a slope fit; the slope must stay below 1.5 (linear is about 1). */
export const GROWTH_SIZES = [1_000, 2_000, 4_000, 8_000, 16_000];

export function assertLinear(name: string, input: (size: number) => string, work: (text: string) => void): number {
  const growth = measureGrowth(GROWTH_SIZES, input, work);
  console.log(`      ${name}: slope ${growth.slope.toFixed(2)}`);
  assert.ok(growth.slope < 1.5, `${name}: ${describeGrowth(growth)}`);
  return growth.slope;
}
