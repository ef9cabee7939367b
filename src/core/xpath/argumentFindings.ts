import { Call, Expr } from './engine/ast';
import { arity, FunctionSignature, Parameter, XPATH1_SIGNATURES, XPathType } from './functions';
import { Span } from './parsedExpression';
import { shorten } from './syntaxMessages';
import { XPathFinding, xpathFinding } from './xpathFindings';

const TYPE_WORDS: Record<Exclude<XPathType, 'node-set'>, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
};

const signatureOf = (call: Call): FunctionSignature | undefined =>
  call.prefix || !Object.hasOwn(XPATH1_SIGNATURES, call.local) ? undefined : XPATH1_SIGNATURES[call.local];

/**
 * The type an expression's value always has. In XPath 1.0 the form alone decides it (section
 * 3): every function has one return type, and the only variable is a node-set. Undefined for a
 * call to a function that does not exist, which has its own finding.
 */
export function staticType(expr: Expr): XPathType | undefined {
  switch (expr.kind) {
    case 'literal':
      return 'string';
    case 'number':
    case 'negate':
      return 'number';
    case 'variable':
    case 'filter':
    case 'path':
      return 'node-set';
    case 'call':
      return signatureOf(expr)?.returns;
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

/**
 * Calls with the wrong number of arguments or a value where a node-set must be, and steps,
 * predicates and unions applied to something that is not a node-set: each fails on every
 * payload, so it is found here rather than at evaluation. `text` is the expression the tree was
 * parsed from; `at` maps its offsets into the document.
 */
export function argumentFindings(tree: Expr, text: string, at: (span: Span) => Span): XPathFinding[] {
  const findings: XPathFinding[] = [];
  const notNodes = (expr: Expr, purpose: string) => {
    const type = staticType(expr);
    if (type && type !== 'node-set') {
      const written = shorten(text.slice(expr.start, expr.end).replace(/\s+/g, ' '));
      findings.push(xpathFinding('wrong-type', `${purpose}; ${written} is ${TYPE_WORDS[type]}, not a path.`, at(expr)));
    }
  };
  // A stack rather than recursion: a chain of a thousand operators is a tree as deep.
  const pending: Expr[] = [tree];
  for (let expr = pending.pop(); expr; expr = pending.pop()) {
    switch (expr.kind) {
      case 'call': {
        const signature = signatureOf(expr);
        if (signature) {
          findings.push(...callFindings(expr, signature, at));
          // Past the last parameter the count's finding says it all; no repeated parameter is a node-set.
          expr.args.forEach((arg, i) => {
            const parameter = signature.parameters[i] as Parameter | undefined;
            if (parameter?.type === 'node-set') {
              notNodes(arg, `${expr.local}() ${parameter.use}`);
            }
          });
        }
        pushAll(pending, expr.args);
        break;
      }
      case 'filter':
        notNodes(expr.primary, 'A predicate [ ] filters the nodes of a path');
        pending.push(expr.primary);
        pushAll(pending, expr.predicates);
        break;
      case 'path':
        if (typeof expr.from !== 'string') {
          notNodes(expr.from, 'A path continues only from nodes');
          pending.push(expr.from);
        }
        for (const step of expr.steps) {
          pushAll(pending, step.predicates);
        }
        break;
      case 'binary':
        if (expr.operator === '|') {
          notNodes(expr.left, `'|' joins the nodes of two paths`);
          notNodes(expr.right, `'|' joins the nodes of two paths`);
        }
        pending.push(expr.left, expr.right);
        break;
      case 'negate':
        pending.push(expr.operand);
        break;
    }
  }
  return findings;
}

/** Without spreading: a call may have more arguments than a spread may pass. */
function pushAll<T>(to: T[], items: readonly T[]): void {
  for (const item of items) {
    to.push(item);
  }
}

/** Too many arguments marks the extra ones; too few marks the call, since what is missing has no place. */
function callFindings(call: Call, signature: FunctionSignature, at: (span: Span) => Span): XPathFinding[] {
  const { min, max } = arity(signature);
  const given = call.args.length;
  if (given >= min && given <= max) {
    return [];
  }
  const message =
    `${call.local}() ${countWords(min, max)}${signature.arguments ? ` (${signature.arguments})` : ''}; ` +
    `this call gives ${given || 'none'}.`;
  const range = given > max ? { start: call.args[max].start, end: call.args[given - 1].end } : call;
  return [xpathFinding('wrong-argument-count', message, at(range))];
}

function countWords(min: number, max: number): string {
  const plural = (n: number) => (n === 1 ? 'argument' : 'arguments');
  if (max === 0) {
    return 'takes no arguments';
  }
  if (min === max) {
    return `needs ${min} ${plural(min)}`;
  }
  if (max === Infinity) {
    return `needs ${min} or more arguments`;
  }
  if (min === 0) {
    return `takes at most ${max} ${plural(max)}`;
  }
  return `needs ${min} ${max === min + 1 ? 'or' : 'to'} ${max} arguments`;
}
