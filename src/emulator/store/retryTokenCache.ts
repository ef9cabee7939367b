/** How long OCI keeps a retry token: a retry within it gets the first answer, not a second create. */
export const RETRY_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

/** Enough for any real retry storm; a client that sends more distinct tokens than this gets its oldest forgotten. */
export const MAX_RETRY_TOKENS = 10_000;

/**
 * The first answer to each opc-retry-token, for the retries that carry it. Bounded in count,
 * least recently used out first, and in time as OCI bounds it, so a long-running emulator or
 * a client that sends a new token with every request cannot grow it without end.
 */
export class RetryTokenCache<T> {
  /** A Map keeps insertion order: re-inserting on use keeps the least recently used first. */
  private readonly entries = new Map<string, { readonly value: T; readonly at: number }>();

  constructor(
    private readonly max = MAX_RETRY_TOKENS,
    private readonly ttlMs = RETRY_TOKEN_TTL_MS,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string, now: number): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) {
      return undefined;
    }
    this.entries.delete(key);
    if (now - entry.at >= this.ttlMs) {
      return undefined;
    }
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: T, now: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, at: now });
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.max && now - entry.at < this.ttlMs) {
        break;
      }
      this.entries.delete(oldest);
    }
  }
}
