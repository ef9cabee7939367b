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

interface NodeSet {
  nodes: Node[];
  tree: unknown;
  size: number;
  seen?: Set<Node>;
  add(node: Node): void;
}

// The package's node sets refuse a duplicate by scanning every node already held: quadratic in
// the size of the set (83,000 siblings took 6 s). A Set of what is held makes that one lookup.
// Nodes enter a set only through add(), and init() empties it, so the Set stays in step.
const nodeSet = (xpath as unknown as { XNodeSet: { prototype: NodeSet } }).XNodeSet.prototype;
nodeSet.add = function add(this: NodeSet, node: Node): void {
  if (this.seen === undefined || this.seen.size !== this.nodes.length) {
    this.seen = new Set(this.nodes);
  }
  if (this.seen.has(node)) {
    return;
  }
  this.seen.add(node);
  this.tree = null;
  this.nodes.push(node);
  this.size += 1;
};
