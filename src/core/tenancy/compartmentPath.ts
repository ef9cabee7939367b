/**
 * The compartments from just below `top` down to `target`, as each names its parent; empty when
 * the target is `top`, undefined when it is not below it.
 */
export function compartmentPath(
  target: string,
  top: string,
  parents: ReadonlyMap<string, string>,
): string[] | undefined {
  const path: string[] = [];
  // Bounded by the number of compartments: a parent loop in bad data cannot spin for ever.
  for (let at: string | undefined = target; path.length <= parents.size; at = parents.get(at)) {
    if (at === undefined) {
      return undefined;
    }
    if (at === top) {
      return path.reverse();
    }
    path.push(at);
  }
  return undefined;
}
