import { XNode, PayloadTree } from './dataModel';
import { booleanValue, nodeSet, numberValue, stringValue, toBoolean, toNumber, toString, XPathValue } from './values';

/** Where a function is called: the context of section 1, without the variables no function reads. */
export interface CallContext {
  readonly node: XNode;
  readonly position: number;
  readonly size: number;
  readonly tree: PayloadTree;
}

/** A problem only evaluation finds: a function given too few arguments, or a value that is not a node-set. */
export class XPathTypeError extends Error {}

type Implementation = (context: CallContext, args: readonly XPathValue[]) => XPathValue;

interface Definition {
  readonly min: number;
  readonly max: number;
  readonly run: Implementation;
}

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/** The core function library of section 4, by name. */
export const LIBRARY: ReadonlyMap<string, Definition> = new Map<string, Definition>([
  // 4.1 Node-set functions
  ['last', fixed(0, (c) => numberValue(c.size))],
  ['position', fixed(0, (c) => numberValue(c.position))],
  ['count', fixed(1, (_, [set]) => numberValue(nodesOf('count', set).length))],
  ['id', fixed(1, (c, [value]) => nodeSet(byId(c.tree, value)))],
  ['local-name', optionalNode((node) => node.localName)],
  ['namespace-uri', optionalNode((node) => node.namespaceUri)],
  ['name', optionalNode((node) => node.qualifiedName)],
  // 4.2 String functions
  ['string', { min: 0, max: 1, run: (c, args) => stringValue(args.length ? toString(args[0]) : c.node.stringValue) }],
  ['concat', { min: 2, max: Infinity, run: (_, args) => stringValue(args.map(toString).join('')) }],
  ['starts-with', strings(2, (s, t) => booleanValue(s.startsWith(t)))],
  ['contains', strings(2, (s, t) => booleanValue(s.includes(t)))],
  ['substring-before', strings(2, (s, t) => stringValue(s.includes(t) ? s.slice(0, s.indexOf(t)) : ''))],
  ['substring-after', strings(2, (s, t) => stringValue(s.includes(t) ? s.slice(s.indexOf(t) + t.length) : ''))],
  [
    'substring',
    { min: 2, max: 3, run: (_, args) => stringValue(substring(toString(args[0]), toNumber(args[1]), args[2])) },
  ],
  ['string-length', optionalString((s) => numberValue(codePoints(s).length))],
  ['normalize-space', optionalString((s) => stringValue(normalizeSpace(s)))],
  ['translate', strings(3, (s, from, to) => stringValue(translate(s, from, to)))],
  // 4.3 Boolean functions
  ['boolean', fixed(1, (_, [value]) => booleanValue(toBoolean(value)))],
  ['not', fixed(1, (_, [value]) => booleanValue(!toBoolean(value)))],
  ['true', fixed(0, () => booleanValue(true))],
  ['false', fixed(0, () => booleanValue(false))],
  ['lang', fixed(1, (c, [value]) => booleanValue(lang(c.node, toString(value))))],
  // 4.4 Number functions
  [
    'number',
    {
      min: 0,
      max: 1,
      run: (c, args) => numberValue(toNumber(args.length ? args[0] : stringValue(c.node.stringValue))),
    },
  ],
  [
    'sum',
    fixed(1, (_, [set]) =>
      numberValue(nodesOf('sum', set).reduce((sum, n) => sum + toNumber(stringValue(n.stringValue)), 0)),
    ),
  ],
  ['floor', fixed(1, (_, [value]) => numberValue(Math.floor(toNumber(value))))],
  ['ceiling', fixed(1, (_, [value]) => numberValue(Math.ceil(toNumber(value))))],
  // Math.round rounds a half towards positive infinity and keeps -0, as 4.4 asks.
  ['round', fixed(1, (_, [value]) => numberValue(Math.round(toNumber(value))))],
]);

function fixed(count: number, run: Implementation): Definition {
  return { min: count, max: count, run };
}

function strings(count: number, run: (...values: string[]) => XPathValue): Definition {
  return fixed(count, (_, args) => run(...args.map(toString)));
}

/** A function of a string that defaults to the context node's string-value. */
function optionalString(run: (value: string) => XPathValue): Definition {
  return { min: 0, max: 1, run: (c, args) => run(args.length ? toString(args[0]) : c.node.stringValue) };
}

/** A function of the first node in a node-set (the context node by default); '' for an empty set. */
function optionalNode(read: (node: XNode) => string): Definition {
  return {
    min: 0,
    max: 1,
    run: (c, args) => {
      const nodes = args.length ? nodesOf('this function', args[0]) : [c.node];
      return stringValue(nodes.length ? read(nodes[0]) : '');
    },
  };
}

export function nodesOf(name: string, value: XPathValue): readonly XNode[] {
  if (value.type !== 'node-set') {
    throw new XPathTypeError(`${name}() needs a node-set (a path), not a ${value.type}.`);
  }
  return value.nodes;
}

function byId(tree: PayloadTree, value: XPathValue): XNode[] {
  const tokens =
    value.type === 'node-set' ? value.nodes.flatMap((n) => splitSpace(n.stringValue)) : splitSpace(toString(value));
  const found = new Set<XNode>();
  for (const token of tokens) {
    const node = tree.ids.get(token);
    if (node) found.add(node);
  }
  return [...found].sort((a, b) => a.order - b.order);
}

const XML_SPACE = /[ \t\r\n]+/;
const splitSpace = (text: string) => text.split(XML_SPACE).filter(Boolean);

/** Characters, not UTF-16 units: a character outside the BMP counts once (4.2). */
const codePoints = (text: string) => Array.from(text);

function normalizeSpace(text: string): string {
  return splitSpace(text).join(' ');
}

/**
 * The characters at positions p with round(start) <= p < round(start) + round(length), counted
 * from 1; every comparison with NaN is false, so a NaN bound selects nothing (4.2).
 */
function substring(text: string, start: number, lengthArg: XPathValue | undefined): string {
  const first = Math.round(start);
  const last = lengthArg === undefined ? Infinity : first + Math.round(toNumber(lengthArg));
  const characters = codePoints(text);
  let out = '';
  for (let p = 1; p <= characters.length; p++) {
    if (p >= first && p < last) out += characters[p - 1];
  }
  return out;
}

function translate(text: string, from: string, to: string): string {
  const fromCharacters = codePoints(from);
  const toCharacters = codePoints(to);
  const map = new Map<string, string>();
  fromCharacters.forEach((c, i) => {
    if (!map.has(c)) map.set(c, toCharacters[i] ?? '');
  });
  return codePoints(text)
    .map((c) => map.get(c) ?? c)
    .join('');
}

/** Whether the nearest xml:lang is the language or a sublanguage of it, ignoring case (4.3). */
function lang(node: XNode, language: string): boolean {
  for (let at: XNode | undefined = node; at; at = at.parent) {
    const attribute = at.attributes.find((a) => a.localName === 'lang' && a.namespaceUri === XML_NAMESPACE);
    if (attribute) {
      const value = attribute.stringValue.toLowerCase();
      const wanted = language.toLowerCase();
      return value === wanted || value.startsWith(`${wanted}-`);
    }
  }
  return false;
}
