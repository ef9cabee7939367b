import type { Expr } from './ast';

/**
 * Every operand of an `and` or an `or` in an expression, predicates and arguments included, in
 * the order they are written: the units of a filter's clause coverage.
 */
export function logicalOperands(root: Expr): Expr[] {
  const found: Expr[] = [];
  // A stack, not recursion: the parser bounds the depth, and this keeps it from mattering.
  const stack: Expr[] = [root];
  while (stack.length) {
    const expr = stack.pop()!;
    const children = childrenOf(expr);
    if (expr.kind === 'binary' && (expr.operator === 'and' || expr.operator === 'or')) {
      found.push(expr.left, expr.right);
    }
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push(children[i]);
    }
  }
  return found.sort((a, b) => a.start - b.start || b.end - a.end);
}

function childrenOf(expr: Expr): readonly Expr[] {
  switch (expr.kind) {
    case 'binary':
      return [expr.left, expr.right];
    case 'negate':
      return [expr.operand];
    case 'call':
      return expr.args;
    case 'filter':
      return [expr.primary, ...expr.predicates];
    case 'path':
      return [...(typeof expr.from === 'object' ? [expr.from] : []), ...expr.steps.flatMap((s) => s.predicates)];
    default:
      return [];
  }
}
