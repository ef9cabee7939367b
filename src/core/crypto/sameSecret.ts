import { createHash, timingSafeEqual } from 'crypto';

/**
 * Whether a secret a caller sent equals the expected one, in time that depends on neither:
 * both are hashed first, so even their lengths never show in how long the answer takes.
 */
export function sameSecret(given: string | Buffer, expected: string | Buffer): boolean {
  const digest = (value: string | Buffer) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
