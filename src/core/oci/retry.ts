import { randomUUID } from 'crypto';

export interface RetryOptions {
  readonly attempts?: number;
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  /** Checked before each attempt: a cancelled call stops retrying. */
  readonly isCancelled?: () => boolean;
  /**
   * Whether sending the call again after it may have taken effect does no harm: true for reads
   * and for creates with a retry token. Updates and deletes say false, so a lost or unreadable
   * answer is reported rather than sent again into a 412 or 404 of the call's own making: a
   * connection closed without an answer does not say whether the request was handled.
   */
  readonly repeatable?: boolean;
}

export class CancelledError extends Error {
  constructor() {
    super('The operation was cancelled.');
    this.name = 'CancelledError';
  }
}

/**
 * The SDK's error for a call that got no answer (a reset, a refused or dropped connection): a
 * plain object naming the endpoint, with no HTTP status.
 */
export function isConnectionFailure(err: unknown): boolean {
  const e = err as { statusCode?: unknown; requestEndpoint?: unknown } | undefined;
  return typeof e === 'object' && e !== null && e.statusCode === undefined && typeof e.requestEndpoint === 'string';
}

/** An answer whose body was cut short or is not JSON: the SDK's JSON parse fails after the call succeeded. */
export function isUnreadableAnswer(err: unknown): boolean {
  return err instanceof SyntaxError;
}

/**
 * 429 and 5xx are worth another try; 4xx otherwise means the request itself is wrong. A lost
 * connection or an unreadable answer is, when the call may be repeated.
 */
export function isRetryable(err: unknown, repeatable = true): boolean {
  const status = (err as { statusCode?: unknown } | undefined)?.statusCode;
  return (
    status === 429 ||
    (typeof status === 'number' && status >= 500) ||
    status === -1 ||
    (repeatable && (isConnectionFailure(err) || isUnreadableAnswer(err)))
  );
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
      if (attempt >= attempts || !isRetryable(err, options.repeatable ?? true)) {
        throw err;
      }
      await sleep(random() * Math.min(max, base * 2 ** (attempt - 1)));
    }
  }
}
