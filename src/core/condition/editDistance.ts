/**
 * Levenshtein distance, or `limit + 1` once it is sure to exceed `limit`. The limit is required:
 * the strings are the user's, and an unbounded distance between a 50,000-character namespace and
 * each candidate was most of what the XPath fuzz run spent its time on.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) {
    return limit + 1;
  }
  let previous = new Uint32Array(b.length + 1).map((_, j) => j);
  let current = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      best = Math.min(best, current[j]);
    }
    if (best > limit) {
      return limit + 1;
    }
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length], limit + 1);
}

/**
 * The candidates nearest `value` first, each distance computed once; those past `limit` tie and
 * keep their order.
 */
export function byDistance(
  value: string,
  candidates: Iterable<string>,
  limit: number,
): { candidate: string; distance: number }[] {
  return [...candidates]
    .map((candidate, order) => ({ candidate, order, distance: editDistance(value, candidate, limit) }))
    .sort((a, b) => a.distance - b.distance || a.order - b.order)
    .map(({ candidate, distance }) => ({ candidate, distance }));
}
