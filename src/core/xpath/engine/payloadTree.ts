import { DOMParser } from '@xmldom/xmldom';
import { MAX_PAYLOAD_CHARS, MAX_PAYLOAD_DEPTH, MAX_PAYLOAD_MARKUP } from '../payloadBudget';
import { PayloadTree, XNode, XNodeKind } from './dataModel';

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const NONE: readonly XNode[] = [];
const DOM_ELEMENT = 1;
const DOM_TEXT = 3;
const DOM_CDATA = 4;
const DOM_PROCESSING_INSTRUCTION = 7;
const DOM_COMMENT = 8;

/** The namespaces in scope at an element, prefix to URI ('' for the default); shared until one changes. */
type Scope = ReadonlyMap<string, string>;

class TreeNode implements XNode {
  children: XNode[] | readonly XNode[] = NONE;
  attributes: XNode[] | readonly XNode[] = NONE;
  private namespaceNodes?: readonly XNode[];
  private value: string | undefined;

  constructor(
    readonly kind: XNodeKind,
    readonly order: number,
    readonly parent: XNode | undefined,
    readonly index: number,
    readonly localName: string,
    readonly namespaceUri: string,
    readonly qualifiedName: string,
    value: string | undefined,
    /** An element's in-scope namespaces, made into nodes only when a filter asks for them. */
    private readonly scope?: Scope,
  ) {
    this.value = value;
  }

  /** Numbered after the element itself: its block of orders was kept for them when it was built. */
  get namespaces(): readonly XNode[] {
    if (!this.scope) {
      return NONE;
    }
    this.namespaceNodes ??= [...this.scope].map(
      ([prefix, uri], i) => new TreeNode('namespace', this.order + 1 + i, this, -1, prefix, '', prefix, uri),
    );
    return this.namespaceNodes;
  }

  /** Section 5: for the root and elements, their descendant text in document order, read once. */
  get stringValue(): string {
    if (this.value === undefined) {
      let text = '';
      const stack: XNode[] = [this];
      for (let node = stack.pop(); node; node = stack.pop()) {
        if (node.kind === 'text') {
          text += node.stringValue;
        }
        for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
      }
      this.value = text;
    }
    return this.value;
  }

  appendText(more: string): void {
    this.value += more;
  }
}

/** A DOM node as xmldom gives it; only what the tree is built from. */
interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly localName: string | null;
  readonly namespaceURI: string | null;
  readonly prefix: string | null;
  readonly firstChild: DomNode | null;
  readonly nextSibling: DomNode | null;
  readonly data?: string;
  readonly target?: string;
  readonly value?: string;
  readonly attributes?: { readonly length: number; readonly [index: number]: DomNode };
}

/**
 * A payload as XPath 1.0's data model. The XML is parsed by xmldom, which reads no DTD: it never
 * fetches an external entity and expands no declared one, so no payload reads a file or grows
 * without bound. The tree is built without recursion, as deep as MAX_PAYLOAD_DEPTH.
 */
export function parsePayloadTree(xml: string): PayloadTree | { error: string } {
  if (xml.length > MAX_PAYLOAD_CHARS) {
    return {
      error: `The payload is ${(xml.length / 1048576).toFixed(1)} MB; payloads of more than ${MAX_PAYLOAD_CHARS / 1048576} MB are not evaluated (Fusion's are a few KB).`,
    };
  }
  if (exceedsMarkup(xml)) {
    return {
      error: `The payload has more than ${MAX_PAYLOAD_MARKUP.toLocaleString('en-US')} tags and attributes; larger ones are not evaluated (a Fusion payload has a few hundred).`,
    };
  }
  // A byte order mark is the encoding's, not the document's: libxml2 skips it, xmldom refuses it.
  const parsed = parseDom(xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml);
  if ('error' in parsed) {
    return parsed;
  }
  return buildTree(parsed.document);
}

/**
 * Counts `<` and `=` in one pass: every element has one `<` and every attribute one `=`, so the
 * count bounds the nodes xmldom would build (text holding either only adds to it).
 */
function exceedsMarkup(xml: string): boolean {
  let count = 0;
  for (let i = 0; i < xml.length; i++) {
    const code = xml.charCodeAt(i);
    if ((code === 0x3c || code === 0x3d) && ++count > MAX_PAYLOAD_MARKUP) {
      return true;
    }
  }
  return false;
}

function parseDom(xml: string): { document: DomNode } | { error: string } {
  const errors: string[] = [];
  let document: DomNode & { documentElement: DomNode | null };
  try {
    document = new DOMParser({
      normalizeLineEndings: xml10LineEndings,
      onError: (level, message) => {
        if (level !== 'warning') errors.push(message);
      },
    }).parseFromString(xml, 'text/xml');
  } catch (err) {
    const { message, locator } = err as { message: string; locator?: { lineNumber: number; columnNumber: number } };
    return { error: notWellFormed(message, locator) };
  }
  if (errors.length || !document.documentElement) {
    return { error: notWellFormed(errors[0] ?? 'it has no element') };
  }
  return { document };
}

/**
 * Line ends as XML 1.0 reads them (2.11): CR LF and CR become LF. xmldom's default also turns
 * U+0085, U+2028 and U+2029 into LF, as XML 1.1 does, which would change a payload's text.
 */
function xml10LineEndings(xml: string): string {
  return xml.replace(/\r\n?/g, '\n');
}

function notWellFormed(message: string, at?: { lineNumber: number; columnNumber: number }): string {
  const entity = /^entity not found:(&[^;\s]{1,100};)/.exec(message);
  if (entity) {
    return `The payload uses the entity ${entity[1]}, declared in a DOCTYPE or not at all; entities other than XML's own (&amp;amp; &amp;lt; …) are not expanded, so that no payload can read a file or grow without bound. Fusion payloads never declare one.`;
  }
  if (message.includes('NamespaceError')) {
    return 'The payload is not well-formed XML: it uses a prefix that no xmlns: attribute declares.';
  }
  // xmldom gives no usable place for text that is not XML at all (line 0, no column).
  const where =
    at && at.lineNumber > 0 && at.columnNumber > 0 ? ` (line ${at.lineNumber}, column ${at.columnNumber})` : '';
  return `The payload is not well-formed XML${where}: ${message.split('\n')[0]}`;
}

interface Frame {
  readonly node: TreeNode;
  next: DomNode | null;
  readonly scope: Scope;
  readonly depth: number;
  /** The text node being built: adjacent text and CDATA are one node (5.7). */
  text?: TreeNode;
}

function buildTree(document: DomNode): PayloadTree | { error: string } {
  let order = 0;
  const root = new TreeNode('root', order++, undefined, -1, '', '', '', undefined);
  const ids = new Map<string, XNode>();
  let documentElement: XNode | undefined;
  let onEvent: XNode | undefined;
  const stack: Frame[] = [
    { node: root, next: document.firstChild, scope: new Map([['xml', XML_NAMESPACE]]), depth: 0 },
  ];
  while (stack.length) {
    const frame = stack[stack.length - 1];
    const dom = frame.next;
    if (!dom) {
      stack.pop();
      continue;
    }
    frame.next = dom.nextSibling;
    const parent = frame.node;
    const children = parent.children as XNode[];
    const atRoot = parent === root;
    switch (dom.nodeType) {
      case DOM_TEXT:
      case DOM_CDATA:
        // Outside the document element only white space can stand, and it is no node (5.1).
        if (atRoot || !dom.data) {
          break;
        }
        if (frame.text) {
          frame.text.appendText(dom.data);
        } else {
          frame.text = new TreeNode('text', order++, parent, children.length, '', '', '', dom.data);
          add(parent, frame.text);
        }
        continue;
      case DOM_COMMENT:
        add(parent, new TreeNode('comment', order++, parent, children.length, '', '', '', dom.data ?? ''));
        break;
      case DOM_PROCESSING_INSTRUCTION:
        // xmldom reads the XML declaration as a processing instruction; XPath has no node for it.
        if (dom.target !== 'xml') {
          const target = dom.target ?? '';
          add(
            parent,
            new TreeNode(
              'processing-instruction',
              order++,
              parent,
              children.length,
              target,
              '',
              target,
              dom.data ?? '',
            ),
          );
        }
        break;
      case DOM_ELEMENT: {
        if (frame.depth >= MAX_PAYLOAD_DEPTH) {
          return {
            error: `The payload cannot be evaluated: it nests deeper than ${MAX_PAYLOAD_DEPTH} levels of elements, which no real one does.`,
          };
        }
        const scope = scopeOf(dom, frame.scope);
        const element = new TreeNode(
          'element',
          order,
          parent,
          children.length,
          dom.localName ?? dom.nodeName,
          dom.namespaceURI ?? '',
          dom.nodeName,
          undefined,
          scope,
        );
        order += 1 + scope.size;
        add(parent, element);
        order = addAttributes(element, dom, order, ids);
        documentElement ??= element;
        if (!onEvent && element.localName === 'onEvent') {
          onEvent = element;
        }
        stack.push({ node: element, next: dom.firstChild, scope, depth: frame.depth + 1 });
        break;
      }
    }
    frame.text = undefined;
  }
  if (!documentElement) {
    return { error: 'The payload is not well-formed XML: it has no element.' };
  }
  return { root, eventPayload: onEvent ?? documentElement, ids };
}

function add(parent: TreeNode, child: XNode): void {
  if (parent.children === NONE) {
    parent.children = [];
  }
  (parent.children as XNode[]).push(child);
}

/** The parent's scope, or a copy changed by the element's own xmlns attributes. */
function scopeOf(dom: DomNode, inherited: Scope): Scope {
  let scope: Map<string, string> | undefined;
  const attributes = dom.attributes!;
  for (let i = 0; i < attributes.length; i++) {
    const attribute = attributes[i];
    const prefix =
      attribute.nodeName === 'xmlns' ? '' : attribute.prefix === 'xmlns' ? attribute.localName! : undefined;
    if (prefix !== undefined) {
      scope ??= new Map(inherited);
      // xmlns="" takes the default namespace away (Namespaces in XML, 6.2).
      if (attribute.value) scope.set(prefix, attribute.value);
      else scope.delete(prefix);
    }
  }
  return scope ?? inherited;
}

/** The element's attributes, without namespace declarations (5.3), numbered after its namespace nodes. */
function addAttributes(element: TreeNode, dom: DomNode, order: number, ids: Map<string, XNode>): number {
  const attributes = dom.attributes!;
  const kept: XNode[] = [];
  for (let i = 0; i < attributes.length; i++) {
    const a = attributes[i];
    if (a.nodeName === 'xmlns' || a.prefix === 'xmlns') {
      continue;
    }
    const uri = a.namespaceURI ?? '';
    const local = a.localName ?? a.nodeName;
    const value = a.value ?? '';
    kept.push(new TreeNode('attribute', order++, element, -1, local, uri, a.nodeName, value));
    if (uri === XML_NAMESPACE && local === 'id' && !ids.has(value)) {
      ids.set(value, element);
    }
  }
  if (kept.length) {
    element.attributes = kept;
  }
  return order;
}
