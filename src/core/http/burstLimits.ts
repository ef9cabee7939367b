/** Limits of a burst from the panel or `oew send`: enough to load-test a receiver, not to flood one by a typo. */
export const MAX_BURST_COUNT = 100_000;
export const MAX_BURST_CONCURRENCY = 256;
