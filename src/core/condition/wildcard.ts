/**
 * OCI's value wildcard: `*` stands for any run of characters (none included) at the start,
 * middle or end; everything else, `.` included, is literal, and the pattern spans the whole value.
 */
export function hasWildcard(pattern: string): boolean {
  return pattern.includes('*');
}

export function wildcardRegExp(pattern: string, flags = ''): RegExp {
  const body = pattern
    .split('*')
    .map((part) => part.replace(/[\\^$.|?+()[\]{}]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 's' + flags);
}

/**
 * A test for one wildcard pattern. The common shapes, `prefix*`, `*suffix` and `prefix*suffix`,
 * are plain string compares, several times faster than a regular expression.
 */
export function wildcardMatcher(pattern: string): (value: string) => boolean {
  const parts = pattern.split('*');
  if (parts.length === 2) {
    const [prefix, suffix] = parts;
    const min = prefix.length + suffix.length;
    return (s) => s.length >= min && s.startsWith(prefix) && s.endsWith(suffix);
  }
  const re = wildcardRegExp(pattern);
  return (s) => re.test(s);
}
