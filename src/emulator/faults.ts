import { ApiError, invalidParameter } from './apiError';

/** Fault injection, so clients' retry and error paths can be tested against the emulator. */
export interface FaultSettings {
  /** Every Nth API request answers 429 TooManyRequests (0: never). */
  fault429Every: number;
  /** The share of API requests, 0 to 1, that answer 500 InternalError. */
  fault5xxRate: number;
  /** The share of API requests, 0 to 1, whose connection is reset without an answer. */
  faultResetRate: number;
}

export const NO_FAULTS: FaultSettings = { fault429Every: 0, fault5xxRate: 0, faultResetRate: 0 };

export type Fault = { kind: 'reset' } | { kind: 'error'; error: ApiError } | undefined;

/**
 * Decides the fault for each request. Randomness comes from a fixed seed, so a run with the
 * same settings and requests fails the same way twice.
 */
export class FaultInjector {
  private count = 0;
  private seed = 0x2f6b_9e3d;

  constructor(public settings: FaultSettings = NO_FAULTS) {}

  next(): Fault {
    this.count++;
    const { fault429Every, fault5xxRate, faultResetRate } = this.settings;
    if (fault429Every > 0 && this.count % fault429Every === 0) {
      // The real services send no Retry-After with a 429.
      return {
        kind: 'error',
        error: new ApiError(429, 'TooManyRequests', 'Too many requests for the tenancy (injected).'),
      };
    }
    const roll = this.random();
    if (roll < faultResetRate) {
      return { kind: 'reset' };
    }
    if (roll < faultResetRate + fault5xxRate) {
      return { kind: 'error', error: new ApiError(500, 'InternalError', 'Internal server error (injected).') };
    }
    return undefined;
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
      const valid =
        typeof value === 'number' && value >= 0 && (key === 'fault429Every' ? Number.isInteger(value) : value <= 1);
      if (!valid) {
        throw invalidParameter(
          `${key} must be ${key === 'fault429Every' ? 'a whole number ≥ 0' : 'a number from 0 to 1'}.`,
        );
      }
      next[key] = value;
    }
    this.settings = next;
    return next;
  }

  // mulberry32: small, fast and good enough to spread faults.
  private random(): number {
    let t = (this.seed += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}
