import { UserError } from '../errors/userError';

/**
 * What the inbox keeps, in memory and in its records file: the newest `capacity` records, each
 * body cut at `maxBodyBytes`, and of those only as many, newest first, as fit in
 * `maxTotalBodyBytes`. The file is compacted when it holds twice what is kept, so it stays near
 * 4/3 (base64) of the total and loads in seconds whatever the settings.
 */
export interface StorageLimits {
  readonly capacity: number;
  readonly maxBodyBytes: number;
  readonly maxTotalBodyBytes: number;
}

/**
 * How many connections the inbox holds and for how long. Sized for webhooks, whose senders post
 * one small request and wait seconds for the answer, and for a tunnel in front of the inbox.
 */
export interface ConnectionLimits {
  /** Past this many open connections, the oldest idle one is closed for a new one, or the new one is refused. */
  readonly maxConnections: number;
  /** From a connection's start (or its next request's first byte) to the end of the request's headers; at most the request timeout. */
  readonly headersTimeoutMs: number;
  /** From a request's first byte to the end of its body. */
  readonly requestTimeoutMs: number;
  /**
   * How long an idle kept-alive connection stays open. Longer than the 60 s idle timeout common
   * to proxies and tunnels (a guess at what sits in front of a user's inbox), so the client side
   * closes it first and never reuses one the inbox is closing; the cap above sheds idle ones first.
   */
  readonly keepAliveTimeoutMs: number;
}

export const DEFAULT_STORAGE_LIMITS: StorageLimits = {
  capacity: 500,
  maxBodyBytes: 1_048_576,
  maxTotalBodyBytes: 64 * 1_048_576,
};

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  // A quarter of the 1,024 descriptors a process often gets, leaving the rest to the editor.
  maxConnections: 256,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 65_000,
};

/** Ceilings on the settings themselves, so a typo cannot ask for terabytes. */
const MAX_CAPACITY = 100_000;
const MAX_BODY_BYTES = 64 * 1_048_576;
const MAX_TOTAL_BODY_BYTES = 1_024 * 1_048_576;
const MAX_CONNECTIONS = 4_096;
const MAX_TIMEOUT_MS = 600_000;

/** The longest line a records file can hold: a base64 body at the ceiling plus generous room for headers. */
export const MAX_STORED_LINE_BYTES = Math.ceil((MAX_BODY_BYTES * 4) / 3) + 4 * 1_048_576;

export function storageLimits(change: Partial<StorageLimits>): StorageLimits {
  const limits = { ...DEFAULT_STORAGE_LIMITS, ...definedOnly(change) };
  checkWhole('capacity (records kept)', limits.capacity, 1, MAX_CAPACITY);
  checkWhole('maximum body size in bytes', limits.maxBodyBytes, 0, MAX_BODY_BYTES);
  checkWhole('maximum total of bodies in bytes', limits.maxTotalBodyBytes, 0, MAX_TOTAL_BODY_BYTES);
  return limits;
}

export function connectionLimits(change: Partial<ConnectionLimits>): ConnectionLimits {
  const limits = { ...DEFAULT_CONNECTION_LIMITS, ...definedOnly(change) };
  checkWhole('connection cap', limits.maxConnections, 1, MAX_CONNECTIONS);
  checkWhole('headers timeout in ms', limits.headersTimeoutMs, 1, MAX_TIMEOUT_MS);
  checkWhole('request timeout in ms', limits.requestTimeoutMs, 1, MAX_TIMEOUT_MS);
  checkWhole('keep-alive timeout in ms', limits.keepAliveTimeoutMs, 1, MAX_TIMEOUT_MS);
  return limits;
}

function checkWhole(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UserError(`The inbox's ${name} ${value} is out of range.`, `Use a whole number from ${min} to ${max}.`);
  }
}

function definedOnly<T extends object>(change: T): Partial<T> {
  return Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined)) as Partial<T>;
}
