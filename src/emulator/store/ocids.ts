import { createHash } from 'crypto';

/**
 * Deterministic OCIDs, so a dataset is the same on every run: the unique part is a hash of a
 * name, shaped like the real ones (ocid1.<type>.oc1.<region>.<60 lower-case characters>).
 */
export function ocid(type: string, seed: string, region = ''): string {
  const unique = createHash('sha256').update(`${type}/${seed}`).digest('hex').slice(0, 52);
  return `ocid1.${type}.oc1.${region}.aaaaaaaa${unique}`;
}
