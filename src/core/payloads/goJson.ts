import { UserError } from '../errors/userError';
import { isTooDeep, tooDeepMessage } from '../json/jsonDepth';

/**
 * JSON as Go's encoding/json writes it, for bodies that must match a Go sender byte for byte:
 * compact, map keys sorted, and <, >, & and U+2028/U+2029 escaped as \u003c, \u003e, \u0026,
 * \u2028 and \u2029 (json.Marshal's HTML-safe default).
 */
export function goJson(value: unknown): string {
  if (isTooDeep(value)) {
    throw new UserError(tooDeepMessage('message'), 'Flatten the message: real events nest a few levels.');
  }
  return JSON.stringify(sortKeys(value)).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
