import type { Expr } from './engine/ast';
import type { Token } from './tokenizer';

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
  /** What to write instead of the marked text, when that is certain (`=` for `==`). */
  readonly replacement?: string;
}

/**
 * How deep parentheses, predicates and function calls may nest in a filter: the parser (and the
 * evaluator after it) recurse per level. Real filters nest two or three; OIC's
 * own limit is not documented, so this is a guess, generously above anything real.
 */
export const MAX_XPATH_DEPTH = 64;

/**
 * How many operators a filter may hold: the evaluator reads a chain of them (a or b or …)
 * by recursion as deep as the chain, which would overflow the stack near 20,000. A guess, as
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
  /** The expression's tree, when it parsed without a problem. */
  readonly tree?: Expr;
}
