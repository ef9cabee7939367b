/**
 * A path as a short row label: its last step, after "…/" when steps come before it. A slash
 * inside a predicate, a function's arguments or a string literal does not end a step.
 */
export function lastStepLabel(path: string): string {
  let depth = 0;
  let quote: string | undefined;
  let lastSlash = -1;
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (quote) {
      quote = c === quote ? undefined : quote;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '[' || c === '(') {
      depth++;
    } else if (c === ']' || c === ')') {
      depth = Math.max(0, depth - 1);
    } else if (c === '/' && depth === 0) {
      lastSlash = i;
    }
  }
  const step = path.slice(lastSlash + 1);
  return lastSlash >= 0 && step ? `…/${step}` : path;
}
