import { parseExpression } from '../parser';
import { spend, withBudget } from '../payloadBudget';
import { Expr, NodeTest, Path, Step } from './ast';
import { axisNodes, REVERSE_AXES } from './axes';
import { compare, ComparisonOperator } from './compare';
import { PayloadTree, XNode } from './dataModel';
import { LIBRARY, nodesOf, XPathTypeError } from './library';
import { booleanValue, nodeSet, numberValue, stringValue, toBoolean, toNumber, XPathValue } from './values';

export type { XPathValue } from './values';
export { XPathTypeError } from './library';

/** What an expression is evaluated with: the filter's prefixes and OIC's one variable. */
export interface Bindings {
  readonly namespaces: Readonly<Record<string, string>>;
  readonly variables: Readonly<Record<string, XPathValue>>;
  /** Told the boolean value of each `and`/`or` operand as it is evaluated (short-circuit included): for coverage. */
  readonly observe?: OperandObserver;
}

export type OperandObserver = (operand: Expr, value: boolean) => void;

interface Context {
  readonly node: XNode;
  readonly position: number;
  readonly size: number;
  readonly tree: PayloadTree;
  readonly bindings: Bindings;
}

/**
 * Evaluates a parsed expression on a payload (section 1): the context node and `$eventPayload`
 * are both the payload's `onEvent` element, as in OIC. Throws XPathTypeError for a value of the
 * wrong type, and EvaluationBudgetExceeded past the step budget.
 */
export function evaluateTree(
  expression: Expr,
  tree: PayloadTree,
  namespaces: Readonly<Record<string, string>>,
  observe?: OperandObserver,
): XPathValue {
  // The xml prefix is bound in every XML document, without a declaration (Namespaces in XML, 3).
  const bindings: Bindings = {
    namespaces: { xml: 'http://www.w3.org/XML/1998/namespace', ...namespaces },
    variables: { eventPayload: nodeSet([tree.eventPayload]) },
    ...(observe ? { observe } : {}),
  };
  return withBudget(() => evaluate(expression, { node: tree.eventPayload, position: 1, size: 1, tree, bindings }));
}

/** evaluateTree for an expression as text; throws a SyntaxError for one the parser refuses. */
export function evaluateXPath(
  expression: string,
  tree: PayloadTree,
  namespaces: Readonly<Record<string, string>>,
): XPathValue {
  const parsed = parseExpression(expression);
  if (!parsed.tree) {
    throw new SyntaxError(parsed.problem?.message ?? 'The expression could not be read.');
  }
  return evaluateTree(parsed.tree, tree, namespaces);
}

function evaluate(expr: Expr, context: Context): XPathValue {
  switch (expr.kind) {
    case 'literal':
      return stringValue(expr.value);
    case 'number':
      return numberValue(expr.value);
    case 'variable': {
      const value = expr.prefix ? undefined : context.bindings.variables[expr.local];
      if (!value) {
        throw new XPathTypeError(
          `$${expr.prefix ? `${expr.prefix}:` : ''}${expr.local} is not bound: OIC binds only $eventPayload.`,
        );
      }
      return value;
    }
    case 'negate':
      return numberValue(-toNumber(evaluate(expr.operand, context)));
    case 'call':
      return call(expr, context);
    case 'filter': {
      const nodes = nodesOf('a predicate', evaluate(expr.primary, context));
      return nodeSet(applyPredicates(nodes, expr.predicates, context));
    }
    case 'path':
      return nodeSet(path(expr, context));
    case 'binary':
      return binary(expr.operator, expr.left, expr.right, context);
  }
}

function binary(operator: string, left: Expr, right: Expr, context: Context): XPathValue {
  switch (operator) {
    case 'or':
      return booleanValue(operand(left, context) || operand(right, context));
    case 'and':
      return booleanValue(operand(left, context) && operand(right, context));
    case '|': {
      const a = nodesOf('a union', evaluate(left, context));
      const b = nodesOf('a union', evaluate(right, context));
      return nodeSet(inDocumentOrder([...a, ...b]));
    }
    case '+':
    case '-':
    case '*':
    case 'div':
    case 'mod': {
      const a = toNumber(evaluate(left, context));
      const b = toNumber(evaluate(right, context));
      return numberValue(arithmetic(operator, a, b));
    }
    default:
      return booleanValue(compare(operator as ComparisonOperator, evaluate(left, context), evaluate(right, context)));
  }
}

function operand(expr: Expr, context: Context): boolean {
  const value = toBoolean(evaluate(expr, context));
  context.bindings.observe?.(expr, value);
  return value;
}

function arithmetic(operator: string, a: number, b: number): number {
  switch (operator) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case 'div':
      return a / b;
    default:
      // The remainder of a truncating division, as JavaScript's % gives it (3.5).
      return a % b;
  }
}

function call(expr: Extract<Expr, { kind: 'call' }>, context: Context): XPathValue {
  const definition = expr.prefix ? undefined : LIBRARY.get(expr.local);
  const name = `${expr.prefix ? `${expr.prefix}:` : ''}${expr.local}`;
  if (!definition) {
    throw new XPathTypeError(`${name}() is not an XPath 1.0 function.`);
  }
  if (expr.args.length < definition.min || expr.args.length > definition.max) {
    throw new XPathTypeError(
      `${name}() takes ${definition.min === definition.max ? definition.min : `${definition.min} to ${definition.max}`} arguments, not ${expr.args.length}.`,
    );
  }
  const args = expr.args.map((arg) => evaluate(arg, context));
  return definition.run(context, args);
}

function path(expr: Path, context: Context): XNode[] {
  let nodes: readonly XNode[];
  if (expr.from === 'root') {
    let root = context.node;
    while (root.parent) root = root.parent;
    nodes = [root];
  } else if (expr.from === 'context') {
    nodes = [context.node];
  } else {
    nodes = nodesOf('a path', evaluate(expr.from, context));
  }
  const steps = expr.steps;
  for (let i = 0; i < steps.length; i++) {
    const next = steps[i + 1];
    // `//name` without a position in its predicates is descendant::name: one walk, not one per node.
    if (isDescendantsStep(steps[i]) && next && next.axis === 'child' && !next.predicates.length) {
      nodes = step({ axis: 'descendant', test: next.test, predicates: [] }, nodes, context);
      i++;
    } else {
      nodes = step(steps[i], nodes, context);
    }
  }
  return nodes as XNode[];
}

const isDescendantsStep = (s: Step) =>
  s.axis === 'descendant-or-self' && s.test.kind === 'node' && !s.predicates.length;

function step(s: Step, from: readonly XNode[], context: Context): XNode[] {
  const test = nodeTest(s.test, s.axis, context.bindings);
  const out: XNode[] = [];
  for (const node of from) {
    if (s.axis === 'child' && !s.predicates.length) {
      // The common step, `/ns0:Name`: no copy of the children, no positions to count.
      for (const child of node.children) {
        spend();
        if (test(child)) out.push(child);
      }
      continue;
    }
    const kept = applyPredicates(axisNodes(s.axis, node).filter(test), s.predicates, context);
    if (REVERSE_AXES.has(s.axis)) kept.reverse();
    for (const n of kept) out.push(n);
  }
  return from.length > 1 ? inDocumentOrder(out) : out;
}

/** Filters by each predicate in turn, positions counted along `nodes` as given (axis order). */
function applyPredicates(nodes: readonly XNode[], predicates: readonly Expr[], context: Context): XNode[] {
  let current = nodes.slice();
  for (const predicate of predicates) {
    const size = current.length;
    current = current.filter((node, i) => {
      const value = evaluate(predicate, {
        node,
        position: i + 1,
        size,
        tree: context.tree,
        bindings: context.bindings,
      });
      return value.type === 'number' ? value.value === i + 1 : toBoolean(value);
    });
  }
  return current;
}

/** The node test of a step as a function, its prefix resolved once per step rather than per node. */
function nodeTest(test: NodeTest, axis: string, bindings: Bindings): (node: XNode) => boolean {
  switch (test.kind) {
    case 'node':
      return () => true;
    case 'text':
    case 'comment':
      return (node) => node.kind === test.kind;
    case 'processing-instruction':
      return (node) =>
        node.kind === 'processing-instruction' && (test.target === undefined || node.localName === test.target);
    case 'name': {
      const principal = axis === 'attribute' ? 'attribute' : axis === 'namespace' ? 'namespace' : 'element';
      const { prefix, local } = test;
      if (prefix === undefined) {
        // No default namespace for name tests in 1.0 (2.3): an unprefixed name is in no namespace.
        return local === '*'
          ? (node) => node.kind === principal
          : (node) => node.kind === principal && node.localName === local && node.namespaceUri === '';
      }
      const uri = bindings.namespaces[prefix];
      if (uri === undefined) {
        throw new XPathTypeError(`The prefix ${prefix} is not declared.`);
      }
      if (principal === 'namespace') {
        return () => false; // A namespace node's name has no URI, so a prefixed test never selects one.
      }
      return (node) =>
        node.kind === principal && node.namespaceUri === uri && (local === '*' || node.localName === local);
    }
  }
}

function inDocumentOrder(nodes: XNode[]): XNode[] {
  nodes.sort((a, b) => a.order - b.order);
  return nodes.filter((node, i) => i === 0 || nodes[i - 1] !== node);
}
