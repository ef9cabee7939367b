import { Expr, Step } from './engine/ast';
import { XPATH1_FUNCTIONS } from './functions';
import { ParsedExpression, Span } from './parser';
import { XPathFinding, xpathFinding } from './xpathFindings';

type ValueType = 'node-set' | 'string' | 'number' | 'boolean' | 'object';

interface Signature {
  readonly returns: ValueType;
  readonly params: readonly ValueType[];
  readonly min: number;
  readonly max: number;
  /** The argument list as the hover shows it: `(string, number, number?)`. */
  readonly shown: string;
}

/** The signatures the hover shows (XPATH1_FUNCTIONS), read once into types and counts. */
const SIGNATURES: ReadonlyMap<string, Signature> = new Map(
  Object.entries(XPATH1_FUNCTIONS).map(([name, text]) => {
    const open = text.indexOf('(');
    const list = text.slice(open + 1, -1);
    const params = list ? list.split(', ') : [];
    const required = params.filter((p) => !p.endsWith('?') && !p.endsWith('*')).length;
    const variadic = params.some((p) => p.endsWith('*'));
    return [
      name,
      {
        returns: text.slice(0, text.indexOf(' ')) as ValueType,
        params: params.map((p) => p.replace(/[?*]$/, '') as ValueType),
        min: required,
        max: variadic ? Infinity : params.length,
        shown: `(${list})`,
      },
    ];
  }),
);

const A: Record<ValueType, string> = {
  'node-set': 'a path',
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  object: 'a value',
};

/**
 * Calls with the wrong number of arguments, and values used as node-sets that can never be one
 * (`count(40)`, `"abc"/ns0:Qty`): OIC fails on these at every event, so they are errors here,
 * marked at the argument or value in question.
 */
export function argumentFindings(parsed: ParsedExpression, source: string, at: (span: Span) => Span): XPathFinding[] {
  const findings: XPathFinding[] = [];
  const written = (span: Span) => {
    const text = source.slice(span.start, span.end);
    return text.length > 40 ? `${text.slice(0, 39)}…` : text;
  };
  const notNodes = (expr: Expr, what: string) => {
    const type = typeOf(expr);
    if (type !== 'node-set' && type !== 'object') {
      findings.push(xpathFinding('wrong-type', `${what}; ${written(expr)} is ${A[type]}, not a path.`, at(expr)));
    }
  };
  const visitSteps = (steps: readonly Step[]) => steps.forEach((s) => s.predicates.forEach(visit));
  function visit(expr: Expr): void {
    switch (expr.kind) {
      case 'binary':
        if (expr.operator === '|') {
          notNodes(expr.left, "'|' joins the nodes of two paths");
          notNodes(expr.right, "'|' joins the nodes of two paths");
        }
        visit(expr.left);
        visit(expr.right);
        return;
      case 'negate':
        visit(expr.operand);
        return;
      case 'filter':
        notNodes(expr.primary, 'A predicate [...] filters the nodes of a path');
        visit(expr.primary);
        expr.predicates.forEach(visit);
        return;
      case 'path':
        if (typeof expr.from !== 'string') {
          notNodes(expr.from, "'/' goes from the nodes of a path to their children");
          visit(expr.from);
        }
        visitSteps(expr.steps);
        return;
      case 'call':
        checkCall(expr);
        expr.args.forEach(visit);
        return;
      default:
        return;
    }
  }
  function checkCall(call: Extract<Expr, { kind: 'call' }>): void {
    const signature = call.prefix ? undefined : SIGNATURES.get(call.local);
    if (!signature) {
      return; // Not an XPath 1.0 function: functionFindings says so.
    }
    const count = call.args.length;
    if (count < signature.min || count > signature.max) {
      const wants =
        signature.max === 0
          ? 'no arguments'
          : signature.min === signature.max
            ? `${signature.min} argument${signature.min === 1 ? '' : 's'}`
            : signature.max === Infinity
              ? `${signature.min} or more arguments`
              : `${signature.min} or ${signature.max} arguments`;
      const shown = signature.max === 0 ? '' : ` ${signature.shown}`;
      const message = `${call.local}() takes ${wants}${shown}; this call gives ${count}.`;
      const extra = call.args.slice(signature.max);
      const range = extra.length ? { start: extra[0].start, end: extra[extra.length - 1].end } : call;
      findings.push(xpathFinding('wrong-argument-count', message, at(range)));
      return;
    }
    call.args.forEach((arg, i) => {
      if (signature.params[Math.min(i, signature.params.length - 1)] === 'node-set') {
        notNodes(arg, `${call.local}() reads the nodes of a path`);
      }
    });
  }
  if (parsed.tree) {
    visit(parsed.tree);
  }
  return findings;
}

/** The type an expression always has (section 3), or `object` when only evaluation can tell. */
function typeOf(expr: Expr): ValueType {
  switch (expr.kind) {
    case 'literal':
      return 'string';
    case 'number':
    case 'negate':
      return 'number';
    case 'variable':
    case 'path':
    case 'filter':
      return 'node-set';
    case 'call':
      return (expr.prefix ? undefined : SIGNATURES.get(expr.local)?.returns) ?? 'object';
    case 'binary':
      switch (expr.operator) {
        case '|':
          return 'node-set';
        case '+':
        case '-':
        case '*':
        case 'div':
        case 'mod':
          return 'number';
        default:
          return 'boolean';
      }
  }
}
