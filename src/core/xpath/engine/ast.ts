import type { Span } from '../parsedExpression';

/** The tree of an XPath 1.0 expression, as the parser reads it; each node keeps where it was written. */
export type Expr = Binary | Negate | Literal | NumberLiteral | VariableRef | Call | Filter | Path;

export type BinaryOperator =
  'or' | 'and' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | 'div' | 'mod' | '|';

export interface Binary extends Span {
  readonly kind: 'binary';
  readonly operator: BinaryOperator;
  readonly left: Expr;
  readonly right: Expr;
}

export interface Negate extends Span {
  readonly kind: 'negate';
  readonly operand: Expr;
}

export interface Literal extends Span {
  readonly kind: 'literal';
  readonly value: string;
}

export interface NumberLiteral extends Span {
  readonly kind: 'number';
  readonly value: number;
}

export interface VariableRef extends Span {
  readonly kind: 'variable';
  readonly prefix?: string;
  readonly local: string;
}

export interface Call extends Span {
  readonly kind: 'call';
  readonly prefix?: string;
  readonly local: string;
  readonly args: readonly Expr[];
}

/** A primary expression with predicates: `$eventPayload[1]`, `(a | b)[last()]`. */
export interface Filter extends Span {
  readonly kind: 'filter';
  readonly primary: Expr;
  readonly predicates: readonly Expr[];
}

/** A location path, absolute (`/a`, `/`) or relative, or one that starts from a filter (`$eventPayload/a`). */
export interface Path extends Span {
  readonly kind: 'path';
  readonly from: 'root' | 'context' | Expr;
  readonly steps: readonly Step[];
}

export type Axis =
  | 'ancestor'
  | 'ancestor-or-self'
  | 'attribute'
  | 'child'
  | 'descendant'
  | 'descendant-or-self'
  | 'following'
  | 'following-sibling'
  | 'namespace'
  | 'parent'
  | 'preceding'
  | 'preceding-sibling'
  | 'self';

export type NodeTest =
  /** `*`, `p:*` or a QName; `local` is `*` for the first two. */
  | { readonly kind: 'name'; readonly prefix?: string; readonly local: string }
  | { readonly kind: 'node' | 'text' | 'comment' }
  | { readonly kind: 'processing-instruction'; readonly target?: string };

export interface Step {
  readonly axis: Axis;
  readonly test: NodeTest;
  readonly predicates: readonly Expr[];
}
