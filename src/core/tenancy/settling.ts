/** States OCI passes through on its own, after which a resource's row changes without the user. */
const TRANSITIONAL = new Set(['CREATING', 'UPDATING', 'DELETING', 'PENDING']);

export function isTransitional(lifecycleState: string | undefined): boolean {
  return lifecycleState !== undefined && TRANSITIONAL.has(lifecycleState);
}

/** The first poll comes after a second, as OCI settles most creates within seconds. */
const FIRST_MS = 1_000;
const MAX_DELAY_MS = 30_000;
/** A subscription may stay PENDING until someone confirms it: polling stops after this long. */
export const SETTLE_LIMIT_MS = 10 * 60_000;

/**
 * How long to wait before poll number `attempt` (from 0), doubling up to 30 s; undefined once
 * `elapsedMs` since the first poll would pass the limit, when the row says to refresh by hand.
 */
export function settleDelay(attempt: number, elapsedMs: number): number | undefined {
  const delay = Math.min(MAX_DELAY_MS, FIRST_MS * 2 ** Math.min(attempt, 10));
  return elapsedMs + delay > SETTLE_LIMIT_MS ? undefined : delay;
}
