import { createScanner, SyntaxKind } from 'jsonc-parser';

/**
 * How deep a JSON document of the user's (a condition, a rule document, an event, a saved
 * request) may nest. Real conditions nest four levels (data.additionalDetails.key, an array);
 * the parsers and walkers recurse once or more per level and overflow the stack near 5,000.
 * OCI's own limit is not documented: this is a guess, generously above anything real.
 */
export const MAX_JSON_DEPTH = 64;

/** The message for a document that nests too deep, naming what it is. */
export function tooDeepMessage(what: string): string {
  return `The ${what} nests deeper than ${MAX_JSON_DEPTH} levels of objects and arrays, which no real one does; it is not read further.`;
}

/**
 * The offset of the first bracket that opens a level past `MAX_JSON_DEPTH` in JSON text
 * (comments and strings skipped), found by a scan without recursion; undefined within the limit.
 */
export function tooDeepAt(text: string): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) {
      if (++depth > MAX_JSON_DEPTH) {
        return scanner.getTokenOffset();
      }
    } else if (kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/** Whether a parsed value nests past `limit` (by default `MAX_JSON_DEPTH`), walked with a stack of its own. */
export function isTooDeep(value: unknown, limit = MAX_JSON_DEPTH): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    if (item.value === null || typeof item.value !== 'object') {
      continue;
    }
    if (item.depth + 1 > limit) {
      return true;
    }
    for (const child of Object.values(item.value)) {
      stack.push({ value: child, depth: item.depth + 1 });
    }
  }
  return false;
}
