import { randomUUID } from 'crypto';

export interface RetryOptions {
  readonly attempts?: number;
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  /** Checked before each attempt: a cancelled call stops retrying. */
  readonly isCancelled?: () => boolean;
}

export class CancelledError extends Error {
  constructor() {
    super('The operation was cancelled.');
    this.name = 'CancelledError';
  }
}

/** 429 and 5xx are worth another try; 4xx otherwise means the request itself is wrong. */
export function isRetryable(err: unknown): boolean {
  const status = (err as { statusCode?: unknown }).statusCode;
  return status === 429 || (typeof status === 'number' && status >= 500) || status === -1;
}

/**
 * Runs `call` again on 429 and 5xx with exponential backoff and full jitter: OCI sends no
 * Retry-After with a 429, so the client spreads its retries itself. `call` gets the same
 * opc-retry-token on every attempt, so a retried create never makes a second resource.
 */
export async function withRetries<T>(call: (retryToken: string) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 5;
  const base = options.baseDelayMs ?? 500;
  const max = options.maxDelayMs ?? 30_000;
  const sleep = options.sleep ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const retryToken = randomUUID().replace(/-/g, '');
  for (let attempt = 1; ; attempt++) {
    if (options.isCancelled?.()) {
      throw new CancelledError();
    }
    try {
      return await call(retryToken);
    } catch (err) {
      if (attempt >= attempts || !isRetryable(err)) {
        throw err;
      }
      await sleep(random() * Math.min(max, base * 2 ** (attempt - 1)));
    }
  }
}
