import { spend } from '../payloadBudget';
import { XNode } from './dataModel';
import { stringToNumber, toBoolean, toNumber, toString, XPathValue } from './values';

export type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';

/**
 * A comparison as section 3.4 defines it: a node-set compares true when some node in it does, by
 * its string-value (or with a boolean, the node-set as a boolean); two plain values by = and !=
 * as booleans, else numbers, else strings; by < and > always as numbers.
 */
export function compare(operator: ComparisonOperator, left: XPathValue, right: XPathValue): boolean {
  if (left.type === 'node-set' && right.type === 'node-set') {
    return compareNodeSets(operator, left.nodes, right.nodes);
  }
  if (left.type === 'node-set') {
    return compareNodeSetWith(operator, left.nodes, right, false);
  }
  if (right.type === 'node-set') {
    return compareNodeSetWith(operator, right.nodes, left, true);
  }
  return comparePlain(operator, left, right);
}

function compareNodeSets(operator: ComparisonOperator, left: readonly XNode[], right: readonly XNode[]): boolean {
  if (!left.length || !right.length) {
    return false;
  }
  if (operator === '=' || operator === '!=') {
    // Each string once: a filter comparing two sets of a few thousand nodes stays within its budget.
    const rightStrings = new Set(right.map((n) => n.stringValue));
    for (const node of left) {
      spend();
      const value = node.stringValue;
      if (operator === '=' ? rightStrings.has(value) : rightStrings.size > 1 || !rightStrings.has(value)) {
        return true;
      }
    }
    return false;
  }
  // Some a < b holds exactly when it holds for the least a and the greatest b (NaN compares false).
  const lessThan = operator === '<' || operator === '<=';
  const a = extreme(left, lessThan ? Math.min : Math.max);
  const b = extreme(right, lessThan ? Math.max : Math.min);
  return compareNumbers(operator, a, b);
}

/** The least or greatest number among the nodes' values, NaN when none is a number. */
function extreme(nodes: readonly XNode[], pick: (a: number, b: number) => number): number {
  let found = NaN;
  for (const node of nodes) {
    spend();
    const value = stringToNumber(node.stringValue);
    if (!Number.isNaN(value)) {
      found = Number.isNaN(found) ? value : pick(found, value);
    }
  }
  return found;
}

function compareNodeSetWith(
  operator: ComparisonOperator,
  nodes: readonly XNode[],
  other: XPathValue,
  swapped: boolean,
): boolean {
  const compareOrdered = (a: XPathValue, b: XPathValue) =>
    swapped ? comparePlain(operator, b, a) : comparePlain(operator, a, b);
  if (other.type === 'boolean') {
    return compareOrdered({ type: 'boolean', value: nodes.length > 0 }, other);
  }
  for (const node of nodes) {
    spend();
    const value: XPathValue =
      other.type === 'number'
        ? { type: 'number', value: stringToNumber(node.stringValue) }
        : { type: 'string', value: node.stringValue };
    if (compareOrdered(value, other)) {
      return true;
    }
  }
  return false;
}

function comparePlain(operator: ComparisonOperator, left: XPathValue, right: XPathValue): boolean {
  if (operator === '=' || operator === '!=') {
    let equal: boolean;
    if (left.type === 'boolean' || right.type === 'boolean') {
      equal = toBoolean(left) === toBoolean(right);
    } else if (left.type === 'number' || right.type === 'number') {
      equal = toNumber(left) === toNumber(right);
    } else {
      equal = toString(left) === toString(right);
    }
    return operator === '=' ? equal : !equal;
  }
  return compareNumbers(operator, toNumber(left), toNumber(right));
}

function compareNumbers(operator: ComparisonOperator, a: number, b: number): boolean {
  switch (operator) {
    case '=':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
}
