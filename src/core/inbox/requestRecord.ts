// How a request's headers and query are kept in its record.

/** From rawHeaders rather than req.headers, which drops repeats of some headers. */
export function headerRecord(raw: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    if (Object.hasOwn(headers, name)) {
      headers[name] += `, ${raw[i + 1]}`;
    } else {
      setOwn(headers, name, raw[i + 1]);
    }
  }
  return headers;
}

export function queryRecord(search: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(search)) {
    const prior = Object.hasOwn(query, key) ? query[key] : undefined;
    if (prior === undefined) {
      setOwn(query, key, value);
    } else if (Array.isArray(prior)) {
      prior.push(value);
    } else {
      query[key] = [prior, value];
    }
  }
  return query;
}

/**
 * Names come from the sender, and `__proto__` would otherwise set the prototype instead of a
 * property. Plain objects rather than prototype-free ones: V8 serialises them faster.
 */
function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}
