import * as xpath from 'xpath';

export interface EvaluationOptions {
  readonly node: Node;
  readonly namespaces: Record<string, string>;
  readonly variables: Record<string, unknown>;
}

/** An expression the `xpath` package compiled once, for many evaluations. */
export interface CompiledXPath {
  evaluateBoolean(options: EvaluationOptions): boolean;
  select(options: EvaluationOptions): Node[];
}

/** The package's parse(), which its typings leave out. Throws on a syntax error. */
export const compileXPath = (xpath as unknown as { parse: (expression: string) => CompiledXPath }).parse;
