import { editDistance } from '../condition/editDistance';
import { AXES } from './functions';
import type { SyntaxProblem } from './parsedExpression';
import { Token } from './tokenizer';

/** What the parser wanted at the token it could not read. */
export type Expecting =
  /** A value, a path, or the step after `/`, `@` or `::`. */
  | { readonly kind: 'operand' }
  /**
   * An operator after a complete operand, or what closes the bracket still open: the `(` of a
   * group or of a call to `call`, or a predicate's `[`; at the top level, the end.
   */
  | { readonly kind: 'operator'; readonly open?: Token; readonly call?: string }
  /** The `)` of `text(`, `node(`, `comment(` or `processing-instruction(`. */
  | { readonly kind: 'node-test-close'; readonly test: Token };

/** Keywords of XPath 2.0 that stand where 1.0 wants an operator. */
const XPATH2_OPERATORS: Record<string, string> = {
  eq: 'the value comparison "eq" (write =)',
  ne: 'the value comparison "ne" (write !=)',
  lt: 'the value comparison "lt" (write &lt;)',
  le: 'the value comparison "le" (write &lt;=)',
  gt: 'the value comparison "gt" (write &gt;)',
  ge: 'the value comparison "ge" (write &gt;=)',
  to: 'the range "to"',
  idiv: 'the operator "idiv"',
  instance: '"instance of"',
  cast: '"cast as"',
  castable: '"castable as"',
  treat: '"treat as"',
  intersect: 'the operator "intersect"',
  except: 'the operator "except"',
  is: 'the node comparison "is"',
  union: 'the keyword "union" (write |)',
};

/** Operators of other languages, written as two XPath tokens side by side, and what XPath writes. */
const FOREIGN_PAIRS: Record<string, string> = {
  '==': '=',
  '!==': '!=',
  '<>': '!=',
  '=>': '>=',
  '=<': '<=',
  '||': 'or',
};

const OPERATOR_WORDS = new Set(['and', 'or', 'div', 'mod']);
const AFTER_SLASH = 'write the element or attribute to select, such as ns0:Status, @id or *';
const LONGEST_SHOWN = 40;

/** The user's text as a message quotes it: long enough to recognise, short enough to read. */
export const shorten = (text: string) => (text.length > LONGEST_SHOWN ? `${text.slice(0, LONGEST_SHOWN - 1)}…` : text);

/** A token as a message quotes it: a string as written, anything else in single quotes. */
const show = (token: Token) => (token.kind === 'string' ? shorten(token.text) : `'${shorten(token.text)}'`);

const problem = (start: number, end: number, message: string, replacement?: string): SyntaxProblem =>
  replacement === undefined ? { start, end, message } : { start, end, message, replacement };

const at = (token: Token, message: string) => problem(token.start, token.end, message);

const isPunct = (token: Token | undefined, ...texts: string[]) => token?.kind === 'punct' && texts.includes(token.text);

const isOperator = (token: Token | undefined) => token?.kind === 'operator' || token?.kind === 'operatorName';

const touching = (left: Token, right: Token) => left.end === right.start;

/**
 * The operator to write in place of tokens[first] to tokens[last], spaced from a neighbour it
 * would otherwise run into: `a&&b` becomes `a and b`, not `aandb`.
 */
function instead(operator: string, tokens: readonly Token[], first: number, last: number): SyntaxProblem {
  const before = tokens[first - 1] as Token | undefined;
  const after = tokens[last + 1] as Token | undefined;
  const written = tokens.slice(first, last + 1).map((t) => t.text);
  return problem(
    tokens[first].start,
    tokens[last].end,
    `'${written.join('')}' is not an XPath operator: write '${operator}'.`,
    `${before && touching(before, tokens[first]) ? ' ' : ''}${operator}${after && touching(tokens[last], after) ? ' ' : ''}`,
  );
}

/**
 * Why the parser stopped at `tokens[index]` (undefined past the end, at `length`), in words a
 * user who does not know the grammar understands: what is missing, or what to write instead.
 */
export function syntaxProblem(
  tokens: readonly Token[],
  index: number,
  length: number,
  expecting: Expecting,
): SyntaxProblem {
  const token = tokens[index] as Token | undefined;
  if (token?.kind === 'invalid') {
    return invalidToken(tokens, index);
  }
  switch (expecting.kind) {
    case 'operand':
      return missingOperand(tokens, index, length);
    case 'operator':
      return missingOperator(token, tokens[index - 1], expecting, length);
    case 'node-test-close':
      return nodeTestNotClosed(token, expecting.test, length);
  }
}

function invalidToken(tokens: readonly Token[], index: number): SyntaxProblem {
  const token = tokens[index];
  const next = tokens[index + 1] as Token | undefined;
  if (token.problem === 'unterminated-string') {
    return at(token, `The string ${shorten(token.text)} is not closed: end it with ${token.text[0]}.`);
  }
  if (token.problem === 'variable-without-name') {
    return at(token, `A variable's name is missing after '$': OIC binds one variable, $eventPayload.`);
  }
  if (token.problem === 'prefix-without-name') {
    const prefix = token.text.slice(0, -1);
    return at(
      token,
      prefix.includes(':')
        ? `A name holds at most one ':', between its prefix and its local name (ns0:Status).`
        : `A name is missing after '${token.text}': write ${prefix}:Name, or ${prefix}:* for any element in that namespace.`,
    );
  }
  if (token.text === '&') {
    return instead('and', tokens, index, next?.text === '&' && touching(token, next) ? index + 1 : index);
  }
  if (token.text === '!') {
    return at(token, `'!' is not an XPath operator: write '!=' for "not equal", or not(…) to negate a condition.`);
  }
  if (token.text === '%') {
    return instead('mod', tokens, index, index);
  }
  const shown = /[\p{Cc}\p{Z}]/u.test(token.text) ? JSON.stringify(token.text).slice(1, -1) : token.text;
  return at(token, `The character '${shown}' has no meaning in XPath outside a string ("…"): remove it, or quote it.`);
}

function missingOperand(tokens: readonly Token[], index: number, length: number): SyntaxProblem {
  const token = tokens[index] as Token | undefined;
  const previous = tokens[index - 1] as Token | undefined;
  const here = (message: string) => (token ? at(token, message) : problem(length, length, message));
  if (!previous) {
    // Only an empty expression has no token here either, and it is refused before it is parsed.
    const first = token!;
    if (isPunct(first, ')', ']')) {
      return here(`There is no '${first.text === ')' ? '(' : '['}' for this '${first.text}'.`);
    }
    return here(`A value is missing before ${show(first)}.`);
  }
  const pair = token && isOperator(previous) && touching(previous, token) && FOREIGN_PAIRS[previous.text + token.text];
  if (pair) {
    return instead(pair, tokens, index - 1, index);
  }
  if (previous.text === '/' && token?.kind === 'number') {
    // No step is a number: this '/' was meant to divide.
    return {
      ...instead('div', tokens, index - 1, index - 1),
      message: `'/' separates the steps of a path: to divide, write 'div'.`,
    };
  }
  if (previous.text === '/' || previous.text === '//') {
    const isValue = token && ['string', 'number', 'variable'].includes(token.kind);
    return here(
      isValue
        ? `${show(token)} cannot follow '${previous.text}': ${AFTER_SLASH}.`
        : `A name is missing after '${previous.text}': ${AFTER_SLASH}.`,
    );
  }
  if (previous.text === '|') {
    return here(`A path is missing after '|': it joins the nodes of two paths.`);
  }
  if (isOperator(previous)) {
    return here(`A value is missing after '${previous.text}'.`);
  }
  if (isPunct(previous, '@')) {
    return here(`A name is missing after '@': write the attribute's name, such as @currencyCode, or @* for any.`);
  }
  if (isPunct(previous, '::')) {
    const axis = tokens[index - 2]?.text ?? '';
    return here(`A name is missing after '${axis}::': write a name, *, text() or node().`);
  }
  if (isPunct(previous, ',')) {
    return here(`An argument is missing after ','.`);
  }
  if (isPunct(previous, '(', '[')) {
    const close = previous.text === '(' ? ')' : ']';
    const what = previous.text === '(' ? 'a value' : 'a condition';
    if (!token) {
      return here(`The expression ends after '${previous.text}': ${what} and a '${close}' are missing.`);
    }
    if (token.text === close) {
      return problem(
        previous.start,
        token.end,
        close === ')'
          ? `The parentheses () are empty: write a value inside them.`
          : `The predicate [] is empty: write a condition inside it.`,
      );
    }
    if (isPunct(token, ',')) {
      return here(`An argument is missing before ','.`);
    }
  }
  return here(token ? `A value is missing before ${show(token)}.` : 'The expression ends early: a value is missing.');
}

function missingOperator(
  token: Token | undefined,
  previous: Token,
  { open, call }: Extract<Expecting, { kind: 'operator' }>,
  length: number,
): SyntaxProblem {
  const close = open?.text === '[' ? ']' : ')';
  const opened = call ? `${call}(` : open?.text === '[' ? `the predicate '['` : `the '('`;
  if (!token) {
    return problem(length, length, `A '${close}' is missing: ${opened} is not closed.`);
  }
  const xpath2 = XPATH2_OPERATORS[token.text];
  if (xpath2 && (token.kind === 'name' || token.kind === 'operatorName')) {
    return { start: token.start, end: token.end, message: xpath2, xpath2: true };
  }
  const lower = token.text.toLowerCase();
  if (token.kind === 'name' && OPERATOR_WORDS.has(lower)) {
    return problem(
      token.start,
      token.end,
      `'${token.text}' is not an XPath operator: write '${lower}' (XPath's operators are lowercase).`,
      lower,
    );
  }
  if (isPunct(token, ')', ']')) {
    if (!open) {
      return at(token, `There is no '${token.text === ')' ? '(' : '['}' for this '${token.text}'.`);
    }
    return at(token, `A '${close}' is missing before ${show(token)}: ${opened} is not closed.`);
  }
  if (isPunct(token, ',')) {
    return at(token, `',' separates the arguments of a function, such as concat(a, b); it cannot stand here.`);
  }
  // After a closing bracket the token before says little: the operand is all that it closes.
  const where = isPunct(previous, ')', ']') ? `before ${show(token)}` : `between ${show(previous)} and ${show(token)}`;
  return at(
    token,
    call
      ? `Something is missing ${where}: a ',' between arguments, or an operator such as = or and.`
      : `An operator is missing ${where}: write one, such as =, and or or, or join steps with '/'.`,
  );
}

function nodeTestNotClosed(token: Token | undefined, test: Token, length: number): SyntaxProblem {
  if (!token) {
    return problem(length, length, `A ')' is missing: write ${test.text}().`);
  }
  return at(
    token,
    test.text === 'processing-instruction'
      ? `processing-instruction() takes at most a string, the target's name, between its parentheses.`
      : `${test.text}() takes nothing between its parentheses: write ${test.text}().`,
  );
}

/** A name before `::` that is not one of the 13 axes, with the nearest one when it is a typo. */
export function notAnAxis(token: Token): SyntaxProblem {
  const nearest = [...AXES]
    .map((axis) => ({ axis, distance: editDistance(token.text, axis, 2) }))
    .filter((c) => c.distance <= 2)
    .sort((a, b) => a.distance - b.distance)[0]?.axis;
  return problem(
    token.start,
    token.end,
    `'${token.text}' is not an axis: ` +
      (nearest ? `did you mean ${nearest}::?` : `write one of ${[...AXES].join(', ')}.`),
    nearest,
  );
}
