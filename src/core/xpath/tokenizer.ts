/**
 * An XPath 1.0 lexer that keeps every token's position, so that every error and finding
 * points at its place. Offsets are into the expression text as given (already decoded
 * from XML entities; the caller maps them back).
 */
export type TokenKind =
  | 'string'
  | 'number'
  /** A name test or function name: NCName, `prefix:local`, `prefix:*` or `*`. */
  | 'name'
  /** `and`, `or`, `div`, `mod` where the grammar wants an operator (XPath 1.0, 3.7). */
  | 'operatorName'
  | 'variable'
  | 'operator'
  | 'punct'
  /** `(: … :)`, which only XPath 2.0 has. */
  | 'comment'
  | 'invalid';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** For names and variables: the prefix before the colon, if any. */
  readonly prefix?: string;
  readonly local?: string;
  /** Why an invalid token is invalid; the parser says it in words where it meets it. */
  readonly problem?: 'unterminated-string' | 'variable-without-name' | 'prefix-without-name' | 'unexpected-character';
}

const NAME_START = /[A-Za-z_\u00C0-\uFFFF]/;
// Sticky, one match per name rather than one test per character.
const NCNAME = /[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\-\u00B7\u00C0-\uFFFF]*/y;
const SPACE = /\s+/y;
// Sticky, read in place: a regular expression over text.slice(i) copies the rest of the text for each number.
const NUMBER = /[0-9]*(\.[0-9]*)?/y;
const OPERATOR_NAMES = new Set(['and', 'or', 'div', 'mod']);
const TWO_CHAR = ['//', '!=', '<=', '>=', '::', '..'];
const OPERATORS = new Set(['/', '//', '|', '+', '-', '=', '!=', '<', '<=', '>', '>=', '*']);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (token: Token) => {
    tokens.push(token);
    i = token.end;
  };
  while (i < text.length) {
    const c = text[i];
    SPACE.lastIndex = i;
    if (SPACE.test(text)) {
      i = SPACE.lastIndex;
      continue;
    }
    const start = i;
    if (c === '(' && text[i + 1] === ':') {
      const close = text.indexOf(':)', i + 2);
      const end = close < 0 ? text.length : close + 2;
      push({ kind: 'comment', text: text.slice(start, end), start, end });
      continue;
    }
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close < 0) {
        push({ kind: 'invalid', text: text.slice(start), start, end: text.length, problem: 'unterminated-string' });
      } else {
        push({ kind: 'string', text: text.slice(start, close + 1), start, end: close + 1 });
      }
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      NUMBER.lastIndex = i;
      const match = NUMBER.exec(text)!;
      push({ kind: 'number', text: match[0], start, end: start + match[0].length });
      continue;
    }
    if (c === '$') {
      const name = readQName(text, i + 1);
      if (!name) {
        push({ kind: 'invalid', text: '$', start, end: start + 1, problem: 'variable-without-name' });
      } else {
        push({ kind: 'variable', text: text.slice(start, name.end), start, end: name.end, ...name.parts });
      }
      continue;
    }
    const two = text.slice(i, i + 2);
    if (TWO_CHAR.includes(two)) {
      push({ kind: OPERATORS.has(two) ? 'operator' : 'punct', text: two, start, end: start + 2 });
      continue;
    }
    if (c === '*') {
      // A name test unless an operand precedes it (XPath 1.0, 3.7).
      push({ kind: operatorExpected(tokens) ? 'operator' : 'name', text: '*', start, end: start + 1, local: '*' });
      continue;
    }
    if ('()[].@,'.includes(c)) {
      push({ kind: 'punct', text: c, start, end: start + 1 });
      continue;
    }
    if (OPERATORS.has(c)) {
      push({ kind: 'operator', text: c, start, end: start + 1 });
      continue;
    }
    if (NAME_START.test(c)) {
      const name = readQName(text, i)!;
      const word = text.slice(start, name.end);
      if (text[name.end] === ':' && text[name.end + 1] !== ':') {
        // `ns0:` with nothing after the colon: one mistake, not a name and a stray colon.
        const end = name.end + 1;
        push({ kind: 'invalid', text: text.slice(start, end), start, end, problem: 'prefix-without-name' });
        continue;
      }
      const kind = OPERATOR_NAMES.has(word) && operatorExpected(tokens) ? 'operatorName' : 'name';
      push({ kind, text: word, start, end: name.end, ...name.parts });
      continue;
    }
    push({ kind: 'invalid', text: c, start, end: start + 1, problem: 'unexpected-character' });
  }
  return tokens;
}

/** Whether the next token is in operator position: after an operand, not after @ :: ( [ , or an operator. */
export function operatorExpected(before: readonly Token[]): boolean {
  const last = before[before.length - 1];
  if (!last) {
    return false;
  }
  if (last.kind === 'operator' || last.kind === 'operatorName') {
    return false;
  }
  return !(last.kind === 'punct' && ['@', '::', '(', '[', ','].includes(last.text));
}

function readQName(text: string, from: number): { end: number; parts: { prefix?: string; local: string } } | undefined {
  const first = readNCName(text, from);
  if (first === undefined) {
    return undefined;
  }
  // prefix:local or prefix:*, but not the axis separator ::
  if (text[first] === ':' && text[first + 1] !== ':') {
    if (text[first + 1] === '*') {
      return { end: first + 2, parts: { prefix: text.slice(from, first), local: '*' } };
    }
    const second = readNCName(text, first + 1);
    if (second !== undefined) {
      return { end: second, parts: { prefix: text.slice(from, first), local: text.slice(first + 1, second) } };
    }
  }
  return { end: first, parts: { local: text.slice(from, first) } };
}

function readNCName(text: string, from: number): number | undefined {
  NCNAME.lastIndex = from;
  return NCNAME.test(text) ? NCNAME.lastIndex : undefined;
}
