/**
 * The bounds of one filter evaluation over one payload, so that no filter and no payload can
 * stall the editor or the emulator, which evaluate on their only thread.
 */

/**
 * The longest payload read, in characters. Fusion payloads are summaries of key fields, a few
 * KB; the real limit is not documented, so this is a guess, generously above anything real.
 */
export const MAX_PAYLOAD_CHARS = 4 * 1024 * 1024;

/** How deep a payload's elements may nest: evaluation recurses per level. A guess, as above. */
export const MAX_PAYLOAD_DEPTH = 256;

/**
 * How many nodes one evaluation may visit (a step down or along a tree, or a comparison of two
 * nodes' order). A linear filter visits each node a few times per path; a filter that compares
 * every node with every other (`//a[. = //b]`) reaches this on a payload of a few thousand
 * nodes, about a second of work, and is stopped.
 */
export const MAX_EVALUATION_STEPS = 2_000_000;

export class EvaluationBudgetExceeded extends Error {
  constructor() {
    super(
      `the filter visits more than ${MAX_EVALUATION_STEPS.toLocaleString('en-US')} nodes of this payload, so it was stopped. A filter that compares every node with every other grows with the square of the payload; compare with fixed paths instead.`,
    );
    this.name = 'EvaluationBudgetExceeded';
  }
}

let remaining: number | undefined;

/** Runs one evaluation with a fresh budget of steps; the payload's nodes spend it. */
export function withBudget<T>(evaluate: () => T): T {
  remaining = MAX_EVALUATION_STEPS;
  try {
    return evaluate();
  } finally {
    remaining = undefined;
  }
}

export function spend(): void {
  if (remaining !== undefined && --remaining < 0) {
    throw new EvaluationBudgetExceeded();
  }
}

const ORDER = Symbol('documentOrder');
const FIRST_CHILD = Symbol('firstChild');
const NEXT_SIBLING = Symbol('nextSibling');

type Indexed = Node & { [ORDER]?: number; [FIRST_CHILD]?: Node | null; [NEXT_SIBLING]?: Node | null };

// Shared by every node: read by the `xpath` package as it walks the tree, so each step is counted.
function countedFirstChild(this: Indexed): Node | null {
  spend();
  return this[FIRST_CHILD] ?? null;
}
function countedNextSibling(this: Indexed): Node | null {
  spend();
  return this[NEXT_SIBLING] ?? null;
}

/**
 * Document order by a number given to each node once, so comparing two nodes is one subtraction.
 * xmldom's compareDocumentPosition scans the common parent's children each time, and the
 * `xpath` package sorts every node set with it: quadratic in the number of siblings. Only the
 * preceding and following bits are set, which is all the `xpath` package reads.
 */
function compareByOrder(this: Indexed, other: Indexed): number {
  spend();
  const mine = this[ORDER];
  const theirs = other[ORDER];
  if (mine === undefined || theirs === undefined) {
    // A namespace node the `xpath` package made up: xmldom's own comparison knows it.
    const own = Object.getPrototypeOf(this) as { compareDocumentPosition(this: Node, other: Node): number };
    return own.compareDocumentPosition.call(this, other);
  }
  return mine === theirs ? 0 : theirs < mine ? 2 : 4;
}

/**
 * Prepares a parsed payload for bounded evaluation: numbers its nodes in document order and
 * counts each step of a walk over them. Returns why it cannot be evaluated: it nests too deep.
 */
export function preparePayload(document: Node): string | undefined {
  let order = 0;
  const stack: { node: Indexed; depth: number }[] = [{ node: document, depth: 0 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, depth } = item;
    if (depth > MAX_PAYLOAD_DEPTH) {
      return `the payload nests deeper than ${MAX_PAYLOAD_DEPTH} levels of elements, which no real one does`;
    }
    index(node, order++);
    const attributes = (node as Element).attributes;
    for (let i = 0; attributes && i < attributes.length; i++) {
      index(attributes[i], order++);
    }
    const children: Indexed[] = [];
    for (let child = node.firstChild; child; child = child.nextSibling) {
      children.push(child);
    }
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push({ node: children[i], depth: depth + 1 });
    }
    // Its own links were read above (the next sibling by its parent): from here on, reads count.
    Object.defineProperties(node, {
      [FIRST_CHILD]: { value: node.firstChild },
      [NEXT_SIBLING]: { value: node.nextSibling },
      firstChild: { get: countedFirstChild, configurable: true },
      nextSibling: { get: countedNextSibling, configurable: true },
    });
  }
  return undefined;
}

function index(node: Indexed, order: number): void {
  Object.defineProperty(node, ORDER, { value: order });
  Object.defineProperty(node, 'compareDocumentPosition', { value: compareByOrder, configurable: true });
}
