import { spend } from '../payloadBudget';
import { Axis } from './ast';
import { XNode } from './dataModel';

/** Whether the axis lists its nodes in reverse document order, which proximity positions follow (2.4). */
export const REVERSE_AXES: ReadonlySet<Axis> = new Set([
  'ancestor',
  'ancestor-or-self',
  'preceding',
  'preceding-sibling',
]);

/**
 * The nodes on `axis` from `node` (section 2.2), in the axis's own order: document order, or
 * its reverse for a reverse axis. Every node visited spends one step of the evaluation's budget.
 */
export function axisNodes(axis: Axis, node: XNode): XNode[] {
  switch (axis) {
    case 'child':
      return visit(node.children.slice());
    case 'attribute':
      return visit(node.attributes.slice());
    case 'namespace':
      return visit(node.namespaces.slice());
    case 'self':
      return visit([node]);
    case 'parent':
      return visit(node.parent ? [node.parent] : []);
    case 'ancestor':
      return ancestors(node, false);
    case 'ancestor-or-self':
      return ancestors(node, true);
    case 'descendant':
      return descendants(node, []);
    case 'descendant-or-self':
      return descendants(node, visit([node]));
    case 'following-sibling':
      return isChild(node) ? visit(node.parent!.children.slice(node.index + 1)) : [];
    case 'preceding-sibling':
      return isChild(node) ? visit(node.parent!.children.slice(0, node.index).reverse()) : [];
    case 'following':
      return following(node);
    case 'preceding':
      return preceding(node);
  }
}

function visit(nodes: XNode[]): XNode[] {
  for (let i = 0; i < nodes.length; i++) spend();
  return nodes;
}

/** Attributes and namespace nodes have a parent but are not its children, so they have no siblings. */
const isChild = (node: XNode) => node.index >= 0 && node.parent !== undefined;

function ancestors(node: XNode, self: boolean): XNode[] {
  const out: XNode[] = self ? [node] : [];
  for (let up = node.parent; up; up = up.parent) out.push(up);
  return visit(out);
}

/** The subtree under `node`, in document order, after what `out` already holds. */
function descendants(node: XNode, out: XNode[]): XNode[] {
  const stack: XNode[] = [];
  for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  for (let next = stack.pop(); next; next = stack.pop()) {
    spend();
    out.push(next);
    for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i]);
  }
  return out;
}

/**
 * After the node in document order, without its descendants. From an attribute or namespace node
 * that starts with its element's children: they follow it and are not its descendants.
 */
function following(node: XNode): XNode[] {
  const out: XNode[] = [];
  let from = node;
  if (!isChild(node) && node.parent) {
    from = node.parent;
    descendants(from, out);
  }
  for (let at: XNode | undefined = from; at?.parent; at = at.parent) {
    const siblings = at.parent.children;
    for (let i = at.index + 1; i < siblings.length; i++) {
      spend();
      out.push(siblings[i]);
      descendants(siblings[i], out);
    }
  }
  return out;
}

/** Before the node in document order, without its ancestors, nearest first. */
function preceding(node: XNode): XNode[] {
  const inOrder: XNode[] = [];
  const chain: XNode[] = [];
  for (let at: XNode | undefined = isChild(node) ? node : node.parent; at?.parent; at = at.parent) chain.push(at);
  // From the top down, so that what is collected is in document order, then reversed once.
  for (let c = chain.length - 1; c >= 0; c--) {
    const at = chain[c];
    const siblings = at.parent!.children;
    for (let i = 0; i < at.index; i++) {
      spend();
      inOrder.push(siblings[i]);
      descendants(siblings[i], inOrder);
    }
  }
  return inOrder.reverse();
}
