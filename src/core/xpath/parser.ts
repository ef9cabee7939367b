import { AXES, NODE_TYPES } from './functions';
import { operatorExpected, Token, tokenize } from './tokenizer';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface NameTest extends Span {
  readonly prefix?: string;
  readonly local: string;
  /** The axis's principal node type: attribute and namespace axes test those, every other axis elements. */
  readonly nodeType: 'element' | 'attribute' | 'namespace';
}

export interface VariableUse extends Span {
  readonly prefix?: string;
  readonly local: string;
}

export interface FunctionCall extends Span {
  readonly prefix?: string;
  readonly local: string;
  readonly argumentCount: number;
}

export interface SyntaxProblem extends Span {
  readonly message: string;
  /** Set when the construct is valid XPath 2.0 but not 1.0. */
  readonly xpath2?: boolean;
  /** Set when the expression nests past MAX_XPATH_DEPTH. */
  readonly tooDeep?: boolean;
}

/**
 * How deep parentheses, predicates and function calls may nest in a filter: the parser (and the
 * `xpath` package's evaluator after it) recurse per level. Real filters nest two or three; OIC's
 * own limit is not documented, so this is a guess, generously above anything real.
 */
export const MAX_XPATH_DEPTH = 64;

/**
 * How many operators a filter may hold: the `xpath` package evaluates a chain of them (a or b
 * or …) by recursion as deep as the chain, and overflows the stack near 20,000. A guess, as
 * MAX_XPATH_DEPTH is; real filters hold a handful.
 */
export const MAX_XPATH_OPERATORS = 1000;

/** What a filter expression is made of, for checks, completion and evaluation per path. */
export interface ParsedExpression {
  readonly tokens: readonly Token[];
  readonly nameTests: readonly NameTest[];
  readonly variables: readonly VariableUse[];
  readonly functions: readonly FunctionCall[];
  /** Location paths and paths from a variable, outside predicates, to show what each selects. */
  readonly paths: readonly Span[];
  /** The first problem; the rest of the expression is not read past it. */
  readonly problem?: SyntaxProblem;
  /** XPath 2.0 constructs that do not stop the parse (comments). */
  readonly xpath2: readonly SyntaxProblem[];
}

class ParseError extends Error {
  constructor(readonly problem: SyntaxProblem) {
    super(problem.message);
  }
}

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

/** XPath 1.0, by recursive descent over the grammar of the recommendation. */
export function parseExpression(text: string): ParsedExpression {
  const all = tokenize(text);
  const xpath2 = all
    .filter((t) => t.kind === 'comment')
    .map((t) => ({ start: t.start, end: t.end, message: 'comments (: … :)', xpath2: true }));
  const tokens = all.filter((t) => t.kind !== 'comment');
  const parser = new Parser(tokens, text.length);
  let problem: SyntaxProblem | undefined;
  try {
    if (!tokens.length) {
      throw new ParseError({ start: 0, end: text.length, message: 'The expression is empty.' });
    }
    parser.expr();
    if (parser.peek()) {
      parser.unexpected('an operator or the end of the expression');
    }
  } catch (err) {
    if (!(err instanceof ParseError)) {
      throw err;
    }
    problem = err.problem;
  }
  return {
    tokens,
    nameTests: parser.nameTests,
    variables: parser.variables,
    functions: parser.functions,
    paths: parser.paths,
    problem,
    xpath2,
  };
}

class Parser {
  readonly nameTests: NameTest[] = [];
  readonly variables: VariableUse[] = [];
  readonly functions: FunctionCall[] = [];
  readonly paths: Span[] = [];
  private index = 0;
  /** Paths inside predicates are parts of their path, not shown on their own. */
  private predicateDepth = 0;
  /** Open (, [ and function calls around the token being read. */
  private nesting = 0;
  private operatorCount = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly length: number,
  ) {}

  peek(offset = 0): Token | undefined {
    return this.tokens[this.index + offset];
  }

  expr(): void {
    this.binary(['or'], () => this.binary(['and'], () => this.equality()));
  }

  unexpected(expected: string): never {
    const token = this.peek();
    if (!token) {
      throw new ParseError({
        start: this.length,
        end: this.length,
        message: `The expression ends early: expected ${expected}.`,
      });
    }
    if (token.kind === 'invalid') {
      throw new ParseError({ start: token.start, end: token.end, message: `Syntax error: ${token.problem}.` });
    }
    const keyword2 =
      (token.kind === 'name' || token.kind === 'operatorName') && operatorExpected(this.tokens.slice(0, this.index))
        ? XPATH2_OPERATORS[token.text]
        : undefined;
    if (keyword2) {
      throw new ParseError({ start: token.start, end: token.end, message: keyword2, xpath2: true });
    }
    throw new ParseError({
      start: token.start,
      end: token.end,
      message: `Syntax error at "${token.text}": expected ${expected}.`,
    });
  }

  private binary(names: readonly string[], operand: () => void): void {
    operand();
    while (this.peek()?.kind === 'operatorName' && names.includes(this.peek()!.text)) {
      this.operator();
      operand();
    }
  }

  private equality(): void {
    this.operators(['=', '!='], () =>
      this.operators(['<', '<=', '>', '>='], () => this.operators(['+', '-'], () => this.multiplicative())),
    );
  }

  private operators(symbols: readonly string[], operand: () => void): void {
    operand();
    while (this.peek()?.kind === 'operator' && symbols.includes(this.peek()!.text)) {
      this.operator();
      operand();
    }
  }

  private multiplicative(): void {
    this.unary();
    for (;;) {
      const token = this.peek();
      const isMultiply = token?.kind === 'operator' && token.text === '*';
      const isName = token?.kind === 'operatorName' && (token.text === 'div' || token.text === 'mod');
      if (!isMultiply && !isName) {
        return;
      }
      this.operator();
      this.unary();
    }
  }

  private unary(): void {
    while (this.peek()?.kind === 'operator' && this.peek()!.text === '-') {
      this.operator();
    }
    this.pathExpr();
    while (this.peek()?.kind === 'operator' && this.peek()!.text === '|') {
      this.operator();
      this.pathExpr();
    }
  }

  private pathExpr(): void {
    const first = this.peek();
    if (!first) {
      this.unexpected('a value or a path');
    }
    this.xpath2Operand(first);
    const start = first.start;
    let isPath = false;
    if (this.startsPrimary(first)) {
      const isVariable = first.kind === 'variable';
      this.primary();
      this.predicates();
      if (this.peek()?.kind === 'operator' && ['/', '//'].includes(this.peek()!.text)) {
        this.index++;
        this.relativePath();
        isPath = isVariable;
      }
    } else {
      isPath = true;
      if (first.kind === 'operator' && (first.text === '/' || first.text === '//')) {
        this.index++;
        if (first.text === '//' || this.startsStep(this.peek())) {
          this.relativePath();
        }
      } else {
        this.relativePath();
      }
    }
    if (isPath && this.predicateDepth === 0) {
      this.paths.push({ start, end: this.tokens[this.index - 1].end });
    }
  }

  private xpath2Operand(token: Token): void {
    const next = this.peek(1);
    const construct =
      token.kind === 'name' && token.text === 'if' && next?.text === '('
        ? '"if … then … else"'
        : token.kind === 'name' && ['for', 'some', 'every'].includes(token.text) && next?.kind === 'variable'
          ? `"${token.text} $… ${token.text === 'for' ? 'return' : 'satisfies'}"`
          : undefined;
    if (construct) {
      throw new ParseError({ start: token.start, end: token.end, message: construct, xpath2: true });
    }
  }

  private startsPrimary(token: Token): boolean {
    if (token.kind === 'variable' || token.kind === 'string' || token.kind === 'number') {
      return true;
    }
    if (token.kind === 'punct' && token.text === '(') {
      return true;
    }
    // A function call: a name followed by ( that is not a node type test.
    return token.kind === 'name' && token.local !== '*' && this.peek(1)?.text === '(' && !NODE_TYPES.has(token.text);
  }

  private primary(): void {
    const token = this.peek()!;
    this.index++;
    switch (token.kind) {
      case 'variable':
        this.variables.push({ start: token.start, end: token.end, prefix: token.prefix, local: token.local! });
        return;
      case 'string':
      case 'number':
        return;
      case 'punct': {
        this.enter(token);
        this.expr();
        this.nesting--;
        if (this.peek()?.text === ',') {
          const comma = this.peek()!;
          throw new ParseError({ start: comma.start, end: comma.end, message: 'a sequence (a, b)', xpath2: true });
        }
        this.expect(')', 'a closing )');
        return;
      }
      default: {
        this.index++; // the (
        this.enter(token);
        let argumentCount = 0;
        if (this.peek()?.text !== ')') {
          do {
            this.expr();
            argumentCount++;
          } while (this.accept(','));
        }
        this.nesting--;
        const close = this.expect(')', 'a comma or a closing ) after the arguments');
        this.functions.push({
          start: token.start,
          end: close.end,
          prefix: token.prefix,
          local: token.local!,
          argumentCount,
        });
      }
    }
  }

  private relativePath(): void {
    this.step();
    while (this.peek()?.kind === 'operator' && ['/', '//'].includes(this.peek()!.text)) {
      this.index++;
      this.step();
    }
  }

  private startsStep(token: Token | undefined): boolean {
    return (
      token !== undefined &&
      (token.kind === 'name' || (token.kind === 'punct' && ['.', '..', '@'].includes(token.text)))
    );
  }

  private step(): void {
    const token = this.peek();
    if (token?.kind === 'punct' && (token.text === '.' || token.text === '..')) {
      this.index++;
      return;
    }
    let nodeType: NameTest['nodeType'] = 'element';
    if (token?.kind === 'punct' && token.text === '@') {
      this.index++;
      nodeType = 'attribute';
    } else if (token?.kind === 'name' && this.peek(1)?.text === '::') {
      if (!AXES.has(token.text)) {
        throw new ParseError({
          start: token.start,
          end: token.end,
          message: `Syntax error: "${token.text}" is not an axis.`,
        });
      }
      nodeType = token.text === 'attribute' ? 'attribute' : token.text === 'namespace' ? 'namespace' : 'element';
      this.index += 2;
    }
    const test = this.peek();
    if (test?.kind !== 'name') {
      this.unexpected('a step (a name, *, @name, . or ..)');
    }
    this.index++;
    if (NODE_TYPES.has(test.text) && this.peek()?.text === '(') {
      this.index++;
      if (test.text === 'processing-instruction' && this.peek()?.kind === 'string') {
        this.index++;
      }
      this.expect(')', 'a closing )');
    } else {
      this.nameTests.push({ start: test.start, end: test.end, prefix: test.prefix, local: test.local!, nodeType });
    }
    this.predicates();
  }

  private predicates(): void {
    for (let open = this.peek(); this.accept('['); open = this.peek()) {
      this.enter(open!);
      this.predicateDepth++;
      this.expr();
      this.predicateDepth--;
      this.nesting--;
      this.expect(']', 'a closing ]');
    }
  }

  /** Reads the operator at the current token, counting it against MAX_XPATH_OPERATORS. */
  private operator(): void {
    const token = this.tokens[this.index++];
    if (++this.operatorCount > MAX_XPATH_OPERATORS) {
      throw new ParseError({
        start: token.start,
        end: token.end,
        message: `The expression holds more than ${MAX_XPATH_OPERATORS} operators, which no real filter does; it is not read further. Split it.`,
        tooDeep: true,
      });
    }
  }

  private enter(token: Token): void {
    if (++this.nesting > MAX_XPATH_DEPTH) {
      throw new ParseError({
        start: token.start,
        end: token.end,
        message: `The expression nests deeper than ${MAX_XPATH_DEPTH} levels of (), [] and function calls, which no real filter does; it is not read further. Flatten it.`,
        tooDeep: true,
      });
    }
  }

  private accept(text: string): boolean {
    if (this.peek()?.kind === 'punct' && this.peek()!.text === text) {
      this.index++;
      return true;
    }
    return false;
  }

  private expect(text: string, expected: string): Token {
    const token = this.peek();
    if (token?.kind === 'punct' && token.text === text) {
      this.index++;
      return token;
    }
    this.unexpected(expected);
  }
}
