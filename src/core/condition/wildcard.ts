/**
 * OCI's value wildcard: `*` stands for any run of characters (none included) at the start,
 * middle or end; everything else, `.` included, is literal, and the pattern spans the whole value.
 */
export function hasWildcard(pattern: string): boolean {
  return pattern.includes('*');
}

/**
 * A test for one wildcard pattern, in time linear in the value: the literal parts between the
 * stars are found left to right, each at its first place after the one before, which is where
 * any match can put it. A regular expression of `.*` runs would backtrack polynomially.
 */
export function wildcardMatcher(pattern: string): (value: string) => boolean {
  const parts = pattern.split('*');
  const prefix = parts[0];
  const suffix = parts.length > 1 ? parts[parts.length - 1] : '';
  const middle = parts.slice(1, -1).filter((part) => part !== '');
  const min = parts.reduce((sum, part) => sum + part.length, 0);
  if (parts.length === 1) {
    return (s) => s === pattern;
  }
  return (s) => {
    if (s.length < min || !s.startsWith(prefix) || !s.endsWith(suffix)) {
      return false;
    }
    const end = s.length - suffix.length;
    let at = prefix.length;
    for (const part of middle) {
      const found = s.indexOf(part, at);
      if (found < 0 || found + part.length > end) {
        return false;
      }
      at = found + part.length;
    }
    return true;
  };
}
