/**
 * The bounds of one filter evaluation over one payload, so that no filter and no payload can
 * stall the editor or the emulator, which evaluate on their only thread.
 */

/**
 * The longest payload read, in characters. Fusion payloads are summaries of key fields, a few
 * KB; the real limit is not documented, so this is a guess, generously above anything real.
 */
export const MAX_PAYLOAD_CHARS = 4 * 1024 * 1024;

/**
 * How many tags and attributes a payload may have, counted before it is parsed: xmldom spends
 * about 5 µs and 800 bytes on a node (4 MB of `<b/>` took 5 s and 780 MB), and at this bound
 * a payload parses in well under a second. The 20 KB payload of `npm run bench` has 886;
 * Fusion's have a few hundred. A guess, as MAX_PAYLOAD_CHARS is.
 */
export const MAX_PAYLOAD_MARKUP = 50_000;

/** How deep a payload's elements may nest: evaluation recurses per level. A guess, as above. */
export const MAX_PAYLOAD_DEPTH = 256;

/**
 * How many nodes one evaluation may visit (a step down or along a tree, or a comparison of two
 * nodes' order). A linear filter visits each node a few times per path; a filter that compares
 * every node with every other (`//a[. = //b]`) reaches this on a payload of a few thousand
 * nodes, about a second of work, and is stopped.
 */
export const MAX_EVALUATION_STEPS = 2_000_000;

export class EvaluationBudgetExceeded extends Error {
  constructor() {
    super(
      `the filter visits more than ${MAX_EVALUATION_STEPS.toLocaleString('en-US')} nodes of this payload, so it was stopped. A filter that compares every node with every other grows with the square of the payload; compare with fixed paths instead.`,
    );
    this.name = 'EvaluationBudgetExceeded';
  }
}

let remaining: number | undefined;

/** Runs one evaluation with a fresh budget of steps; the payload's nodes spend it. */
export function withBudget<T>(evaluate: () => T): T {
  remaining = MAX_EVALUATION_STEPS;
  try {
    return evaluate();
  } finally {
    remaining = undefined;
  }
}

export function spend(): void {
  if (remaining !== undefined && --remaining < 0) {
    throw new EvaluationBudgetExceeded();
  }
}
