/**
 * XPath 1.0's data model (section 5) of a parsed payload: the tree a filter is evaluated over.
 * It differs from the DOM the payload was parsed into where the DOM would give wrong answers:
 * adjacent text and CDATA are one text node, namespace declarations are namespace nodes and not
 * attributes, and the root holds only the document element, comments and processing instructions.
 */
export type XNodeKind = 'root' | 'element' | 'attribute' | 'namespace' | 'text' | 'comment' | 'processing-instruction';

export interface XNode {
  readonly kind: XNodeKind;
  /** The node's place in document order, unique in its tree: comparing two is one subtraction. */
  readonly order: number;
  /** The root has none; an attribute's or namespace node's parent is its element (section 5.3). */
  readonly parent: XNode | undefined;
  /** Where the node is among its parent's children; -1 for attributes, namespace nodes and the root. */
  readonly index: number;
  /** Elements, text, comments and processing instructions, in document order (root and element only). */
  readonly children: readonly XNode[];
  /** Without namespace declarations (elements only). */
  readonly attributes: readonly XNode[];
  /** The element's in-scope namespaces, `xml` included, each a node of its own (elements only). */
  readonly namespaces: readonly XNode[];
  /** An element's or attribute's local name, a processing instruction's target, a namespace node's prefix ('' for the default); '' otherwise. */
  readonly localName: string;
  /** An element's or attribute's namespace URI; '' when it has none and for every other kind. */
  readonly namespaceUri: string;
  /** The QName as written in the payload, for name(): `ns0:Total`; the prefix for a namespace node. */
  readonly qualifiedName: string;
  /** The string-value of section 5: for the root and elements, the text of all descendants. */
  readonly stringValue: string;
}

/** A payload's tree, and the element `$eventPayload` is bound to. */
export interface PayloadTree {
  readonly root: XNode;
  /** The `onEvent` element: the document element as OIC receives it, or found inside an envelope. */
  readonly eventPayload: XNode;
  /** Elements by `xml:id` value, for id(). */
  readonly ids: ReadonlyMap<string, XNode>;
}
