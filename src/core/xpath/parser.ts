import { Axis, BinaryOperator, Expr, NodeTest, Step } from './engine/ast';
import { AXES, NODE_TYPES } from './functions';
import { Expecting, notAnAxis, syntaxProblem } from './syntaxMessages';
import {
  FunctionCall,
  MAX_XPATH_DEPTH,
  MAX_XPATH_OPERATORS,
  NameTest,
  ParsedExpression,
  Span,
  SyntaxProblem,
  VariableUse,
} from './parsedExpression';
import { Token, tokenize } from './tokenizer';

class ParseError extends Error {
  constructor(readonly problem: SyntaxProblem) {
    super(problem.message);
  }
}

/** XPath 1.0, by recursive descent over the grammar of the recommendation. */
export function parseExpression(text: string): ParsedExpression {
  const all = tokenize(text);
  const xpath2 = all
    .filter((t) => t.kind === 'comment')
    .map((t) => ({ start: t.start, end: t.end, message: 'comments (: … :)', xpath2: true }));
  const tokens = all.filter((t) => t.kind !== 'comment');
  const parser = new Parser(tokens, text.length);
  let problem: SyntaxProblem | undefined;
  let tree: Expr | undefined;
  try {
    if (!tokens.length) {
      throw new ParseError({
        start: 0,
        end: text.length,
        message:
          'The expression is empty: write a condition on $eventPayload, such as $eventPayload/ns0:Status = "APPROVED".',
      });
    }
    tree = parser.expr();
    if (parser.peek()) {
      parser.fail({ kind: 'operator' });
    }
  } catch (err) {
    tree = undefined;
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
    tree,
  };
}

/** `//` in a path: descendant-or-self::node() (XPath 1.0, 2.5). */
const DESCENDANTS: Step = { axis: 'descendant-or-self', test: { kind: 'node' }, predicates: [] };

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

  expr(): Expr {
    return this.binary(['or'], () => this.binary(['and'], () => this.equality()));
  }

  fail(expecting: Expecting): never {
    throw new ParseError(syntaxProblem(this.tokens, this.index, this.length, expecting));
  }

  private binary(names: readonly string[], operand: () => Expr): Expr {
    let left = operand();
    while (this.peek()?.kind === 'operatorName' && names.includes(this.peek()!.text)) {
      const operator = this.operator();
      left = this.join(operator, left, operand());
    }
    return left;
  }

  private equality(): Expr {
    return this.operators(['=', '!='], () =>
      this.operators(['<', '<=', '>', '>='], () => this.operators(['+', '-'], () => this.multiplicative())),
    );
  }

  private operators(symbols: readonly string[], operand: () => Expr): Expr {
    let left = operand();
    while (this.peek()?.kind === 'operator' && symbols.includes(this.peek()!.text)) {
      const operator = this.operator();
      left = this.join(operator, left, operand());
    }
    return left;
  }

  private multiplicative(): Expr {
    let left = this.unary();
    for (;;) {
      const token = this.peek();
      const isMultiply = token?.kind === 'operator' && token.text === '*';
      const isName = token?.kind === 'operatorName' && (token.text === 'div' || token.text === 'mod');
      if (!isMultiply && !isName) {
        return left;
      }
      const operator = this.operator();
      left = this.join(operator, left, this.unary());
    }
  }

  private join(operator: Token, left: Expr, right: Expr): Expr {
    return {
      kind: 'binary',
      operator: operator.text as BinaryOperator,
      left,
      right,
      start: left.start,
      end: right.end,
    };
  }

  private unary(): Expr {
    const minus: Token[] = [];
    while (this.peek()?.kind === 'operator' && this.peek()!.text === '-') {
      minus.push(this.operator());
    }
    let operand = this.pathExpr();
    while (this.peek()?.kind === 'operator' && this.peek()!.text === '|') {
      const operator = this.operator();
      operand = this.join(operator, operand, this.pathExpr());
    }
    for (let i = minus.length - 1; i >= 0; i--) {
      operand = { kind: 'negate', operand, start: minus[i].start, end: operand.end };
    }
    return operand;
  }

  private pathExpr(): Expr {
    const first = this.peek();
    if (!first) {
      this.fail({ kind: 'operand' });
    }
    this.xpath2Operand(first);
    const start = first.start;
    let isPath = false;
    let expr: Expr;
    if (this.startsPrimary(first)) {
      const isVariable = first.kind === 'variable';
      const primary = this.primary();
      const predicates = this.predicates();
      expr = predicates.length ? { kind: 'filter', primary, predicates, start, end: this.lastEnd() } : primary;
      const separator = this.peek();
      if (separator?.kind === 'operator' && ['/', '//'].includes(separator.text)) {
        this.index++;
        const steps = this.relativePath(separator.text === '//' ? [DESCENDANTS] : []);
        expr = { kind: 'path', from: expr, steps, start, end: this.lastEnd() };
        isPath = isVariable;
      }
    } else {
      isPath = true;
      let steps: Step[] = [];
      let from: 'root' | 'context' = 'context';
      if (first.kind === 'operator' && (first.text === '/' || first.text === '//')) {
        this.index++;
        from = 'root';
        if (first.text === '//' || this.startsStep(this.peek())) {
          steps = this.relativePath(first.text === '//' ? [DESCENDANTS] : []);
        }
      } else {
        steps = this.relativePath([]);
      }
      expr = { kind: 'path', from, steps, start, end: this.lastEnd() };
    }
    if (isPath && this.predicateDepth === 0) {
      this.paths.push({ start, end: this.lastEnd() });
    }
    return expr;
  }

  private lastEnd(): number {
    return this.tokens[this.index - 1].end;
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

  private primary(): Expr {
    const token = this.peek()!;
    this.index++;
    const { start, end } = token;
    switch (token.kind) {
      case 'variable':
        this.variables.push({ start, end, prefix: token.prefix, local: token.local! });
        return { kind: 'variable', prefix: token.prefix, local: token.local!, start, end };
      case 'string':
        return { kind: 'literal', value: token.text.slice(1, -1), start, end };
      case 'number':
        return { kind: 'number', value: Number(token.text), start, end };
      case 'punct': {
        this.enter(token);
        const inner = this.expr();
        this.nesting--;
        if (this.peek()?.text === ',') {
          const comma = this.peek()!;
          throw new ParseError({ start: comma.start, end: comma.end, message: 'a sequence (a, b)', xpath2: true });
        }
        const close = this.expect(')', { kind: 'operator', open: token });
        // Parentheses keep their span, so that a message about the value points at all of it.
        return { ...inner, start, end: close.end };
      }
      default: {
        const open = this.tokens[this.index++];
        this.enter(token);
        const args: Expr[] = [];
        if (this.peek()?.text !== ')') {
          do {
            args.push(this.expr());
          } while (this.accept(','));
        }
        this.nesting--;
        const close = this.expect(')', { kind: 'operator', open, call: token.text });
        this.functions.push({
          start,
          end: close.end,
          prefix: token.prefix,
          local: token.local!,
          argumentCount: args.length,
        });
        return { kind: 'call', prefix: token.prefix, local: token.local!, args, start, end: close.end };
      }
    }
  }

  private relativePath(steps: Step[]): Step[] {
    steps.push(this.step());
    for (let separator = this.peek(); separator?.kind === 'operator' && ['/', '//'].includes(separator.text);) {
      this.index++;
      if (separator.text === '//') {
        steps.push(DESCENDANTS);
      }
      steps.push(this.step());
      separator = this.peek();
    }
    return steps;
  }

  private startsStep(token: Token | undefined): boolean {
    return (
      token !== undefined &&
      (token.kind === 'name' || (token.kind === 'punct' && ['.', '..', '@'].includes(token.text)))
    );
  }

  private step(): Step {
    const token = this.peek();
    if (token?.kind === 'punct' && (token.text === '.' || token.text === '..')) {
      this.index++;
      return { axis: token.text === '.' ? 'self' : 'parent', test: { kind: 'node' }, predicates: [] };
    }
    let nodeType: NameTest['nodeType'] = 'element';
    let axis: Axis = 'child';
    if (token?.kind === 'punct' && token.text === '@') {
      this.index++;
      nodeType = 'attribute';
      axis = 'attribute';
    } else if (token?.kind === 'name' && this.peek(1)?.text === '::') {
      if (!AXES.has(token.text)) {
        throw new ParseError(notAnAxis(token));
      }
      nodeType = token.text === 'attribute' ? 'attribute' : token.text === 'namespace' ? 'namespace' : 'element';
      axis = token.text as Axis;
      this.index += 2;
    }
    const test = this.peek();
    if (test?.kind !== 'name') {
      this.fail({ kind: 'operand' });
    }
    this.index++;
    let nodeTest: NodeTest;
    if (NODE_TYPES.has(test.text) && this.peek()?.text === '(') {
      this.index++;
      const target = this.peek();
      if (test.text === 'processing-instruction' && target?.kind === 'string') {
        this.index++;
        nodeTest = { kind: 'processing-instruction', target: target.text.slice(1, -1) };
      } else {
        nodeTest = { kind: test.text as 'node' | 'text' | 'comment' | 'processing-instruction' };
      }
      this.expect(')', { kind: 'node-test-close', test });
    } else {
      this.nameTests.push({ start: test.start, end: test.end, prefix: test.prefix, local: test.local!, nodeType });
      nodeTest = { kind: 'name', prefix: test.prefix, local: test.local! };
    }
    return { axis, test: nodeTest, predicates: this.predicates() };
  }

  private predicates(): Expr[] {
    const predicates: Expr[] = [];
    for (let open = this.peek(); this.accept('['); open = this.peek()) {
      this.enter(open!);
      this.predicateDepth++;
      predicates.push(this.expr());
      this.predicateDepth--;
      this.nesting--;
      this.expect(']', { kind: 'operator', open: open! });
    }
    return predicates;
  }

  /** Reads the operator at the current token, counting it against MAX_XPATH_OPERATORS. */
  private operator(): Token {
    const token = this.tokens[this.index++];
    if (++this.operatorCount > MAX_XPATH_OPERATORS) {
      throw new ParseError({
        start: token.start,
        end: token.end,
        message: `The expression holds more than ${MAX_XPATH_OPERATORS} operators, which no real filter does; it is not read further. Split it.`,
        tooDeep: true,
      });
    }
    return token;
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

  private expect(text: string, expecting: Expecting): Token {
    const token = this.peek();
    if (token?.kind === 'punct' && token.text === text) {
      this.index++;
      return token;
    }
    this.fail(expecting);
  }
}
