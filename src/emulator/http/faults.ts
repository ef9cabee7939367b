import { ApiError, invalidParameter } from '../services/apiError';

/** Fault injection, so clients' retry and error paths can be tested against the emulator. */
export interface FaultSettings {
  /** Every Nth API request answers 429 TooManyRequests (0: never). */
  fault429Every: number;
  /** The share of API requests, 0 to 1, that answer 500 InternalError. */
  fault5xxRate: number;
  /** The share of API requests, 0 to 1, whose connection is reset without an answer. */
  faultResetRate: number;
  /** The share of API requests, 0 to 1, handled but answered with their JSON body cut short. */
  faultTruncateRate: number;
  /** The share of API requests, 0 to 1, handled but answered with a JSON body that does not parse. */
  faultMalformedRate: number;
  /** The share of API requests, 0 to 1, held for `faultLatencyMs` before they are handled. */
  faultLatencyRate: number;
  /** How long a latency spike lasts, in milliseconds. */
  faultLatencyMs: number;
}

export const NO_FAULTS: FaultSettings = {
  fault429Every: 0,
  fault5xxRate: 0,
  faultResetRate: 0,
  faultTruncateRate: 0,
  faultMalformedRate: 0,
  faultLatencyRate: 0,
  faultLatencyMs: 0,
};

/** A minute: longer than any client waits, so a longer spike would only hold sockets open. */
const MAX_LATENCY_MS = 60_000;

/** How a fault spoils an answer whose request was handled. */
export type BodyFault = 'truncate' | 'malformed';

export type Fault =
  { kind: 'reset' } | { kind: 'error'; error: ApiError } | { kind: 'body'; body: BodyFault } | { kind: 'none' };

/** The decision for one request: an optional delay first, then at most one fault. */
export type FaultPlan = Fault & { readonly delayMs: number };

/** The names `/_emulator/stats` counts injected faults under. */
export type FaultCount =
  'fault.429' | 'fault.5xx' | 'fault.reset' | 'fault.truncate' | 'fault.malformed' | 'fault.latency';

/**
 * Decides the fault for each request. Randomness comes from a fixed seed, so a run with the
 * same settings and requests fails the same way twice.
 */
export class FaultInjector {
  /** The faults injected so far, by kind; a body fault counts only when there was a body to spoil. */
  readonly injected = new Map<FaultCount, number>();
  private count = 0;
  private seed = 0x2f6b_9e3d;

  constructor(public settings: FaultSettings = NO_FAULTS) {}

  next(): FaultPlan {
    this.count++;
    const s = this.settings;
    // Its own roll, so a slow request can fail too, as on a congested network.
    const delayMs = s.faultLatencyMs > 0 && this.random() < s.faultLatencyRate ? s.faultLatencyMs : 0;
    if (delayMs) {
      this.counted('fault.latency');
    }
    if (s.fault429Every > 0 && this.count % s.fault429Every === 0) {
      this.counted('fault.429');
      // The real services send no Retry-After with a 429.
      const error = new ApiError(429, 'TooManyRequests', 'Too many requests for the tenancy (injected).');
      return { kind: 'error', error, delayMs };
    }
    let roll = this.random();
    if ((roll -= s.faultResetRate) < 0) {
      this.counted('fault.reset');
      return { kind: 'reset', delayMs };
    }
    if ((roll -= s.fault5xxRate) < 0) {
      this.counted('fault.5xx');
      return { kind: 'error', error: new ApiError(500, 'InternalError', 'Internal server error (injected).'), delayMs };
    }
    if ((roll -= s.faultTruncateRate) < 0) {
      return { kind: 'body', body: 'truncate', delayMs };
    }
    if (roll < s.faultMalformedRate) {
      return { kind: 'body', body: 'malformed', delayMs };
    }
    return { kind: 'none', delayMs };
  }

  /**
   * Spoils an answer's JSON text: cut at half its length, or with a stray comma after its
   * opening bracket (every answer with a body is an object or an array, so it never parses).
   */
  spoil(json: string, fault: BodyFault): string {
    this.counted(fault === 'truncate' ? 'fault.truncate' : 'fault.malformed');
    return fault === 'truncate' ? json.slice(0, Math.floor(json.length / 2)) : `${json.slice(0, 1)},${json.slice(1)}`;
  }

  update(body: unknown): FaultSettings {
    const changes = (typeof body === 'object' && body !== null ? body : {}) as Partial<
      Record<keyof FaultSettings, unknown>
    >;
    const next = { ...this.settings };
    for (const key of Object.keys(NO_FAULTS) as (keyof FaultSettings)[]) {
      const value = changes[key];
      if (value === undefined) {
        continue;
      }
      const whole = key === 'fault429Every' || key === 'faultLatencyMs';
      const max = key === 'faultLatencyMs' ? MAX_LATENCY_MS : whole ? Infinity : 1;
      const valid = typeof value === 'number' && value >= 0 && value <= max && (!whole || Number.isInteger(value));
      if (!valid) {
        throw invalidParameter(
          `${key} must be ${
            key === 'faultLatencyMs'
              ? `a whole number of milliseconds from 0 to ${MAX_LATENCY_MS}`
              : whole
                ? 'a whole number ≥ 0'
                : 'a number from 0 to 1'
          }.`,
        );
      }
      next[key] = value;
    }
    this.settings = next;
    return next;
  }

  private counted(kind: FaultCount): void {
    this.injected.set(kind, (this.injected.get(kind) ?? 0) + 1);
  }

  // mulberry32: small, fast and good enough to spread faults.
  private random(): number {
    let t = (this.seed += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}
