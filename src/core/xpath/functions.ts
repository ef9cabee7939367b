/** The four types of XPath 1.0 (section 1), and `object` for a parameter that takes any of them. */
export type XPathType = 'node-set' | 'string' | 'number' | 'boolean';

export type Parameter = {
  /** `?`: may be left out (the context node stands in). */
  readonly optional?: true;
  /** `*`: any number more. */
  readonly repeated?: true;
} & (
  | { readonly type: 'string' | 'number' | 'boolean' | 'object' }
  /** No other type converts to a node-set, so a message says what the function does with one. */
  | { readonly type: 'node-set'; readonly use: string }
);

export interface FunctionSignature {
  readonly returns: XPathType;
  readonly parameters: readonly Parameter[];
  /** The arguments in plain words, for a message about their count. */
  readonly arguments: string;
}

type Convertible = 'string' | 'number' | 'boolean' | 'object';
const one = (type: Convertible): Parameter => ({ type });
const optional = (type: Convertible): Parameter => ({ type, optional: true });
const nodes = (use: string): Parameter => ({ type: 'node-set', use });
const optionalNodes = (use: string): Parameter => ({ type: 'node-set', use, optional: true });
const OPTIONAL_PATH = 'an optional path, by default the context node';
const OPTIONAL_VALUE = 'an optional value, by default the context node';

/** The XPath 1.0 core function library (XPath 1.0, section 4), typed, for checks, hover and completion. */
export const XPATH1_SIGNATURES: Readonly<Record<string, FunctionSignature>> = {
  last: { returns: 'number', parameters: [], arguments: '' },
  position: { returns: 'number', parameters: [], arguments: '' },
  count: {
    returns: 'number',
    parameters: [nodes('counts the nodes of a path')],
    arguments: 'the path whose nodes it counts',
  },
  id: { returns: 'node-set', parameters: [one('object')], arguments: 'the IDs to look up' },
  'local-name': {
    returns: 'string',
    parameters: [optionalNodes('gives the local name of the first node of a path')],
    arguments: OPTIONAL_PATH,
  },
  'namespace-uri': {
    returns: 'string',
    parameters: [optionalNodes('gives the namespace URI of the first node of a path')],
    arguments: OPTIONAL_PATH,
  },
  name: {
    returns: 'string',
    parameters: [optionalNodes('gives the name of the first node of a path')],
    arguments: OPTIONAL_PATH,
  },
  string: { returns: 'string', parameters: [optional('object')], arguments: OPTIONAL_VALUE },
  concat: {
    returns: 'string',
    parameters: [one('string'), one('string'), { type: 'string', repeated: true }],
    arguments: 'the strings to join',
  },
  'starts-with': {
    returns: 'boolean',
    parameters: [one('string'), one('string')],
    arguments: 'a string and the prefix to look for',
  },
  contains: {
    returns: 'boolean',
    parameters: [one('string'), one('string')],
    arguments: 'a string and the text to look for',
  },
  'substring-before': {
    returns: 'string',
    parameters: [one('string'), one('string')],
    arguments: 'a string and the text to look for',
  },
  'substring-after': {
    returns: 'string',
    parameters: [one('string'), one('string')],
    arguments: 'a string and the text to look for',
  },
  substring: {
    returns: 'string',
    parameters: [one('string'), one('number'), optional('number')],
    arguments: 'a string, a start and an optional length',
  },
  'string-length': {
    returns: 'number',
    parameters: [optional('string')],
    arguments: 'an optional string, by default the context node',
  },
  'normalize-space': {
    returns: 'string',
    parameters: [optional('string')],
    arguments: 'an optional string, by default the context node',
  },
  translate: {
    returns: 'string',
    parameters: [one('string'), one('string'), one('string')],
    arguments: 'a string, the characters to replace and their replacements',
  },
  boolean: { returns: 'boolean', parameters: [one('object')], arguments: 'the value to test' },
  not: { returns: 'boolean', parameters: [one('boolean')], arguments: 'the condition to negate' },
  true: { returns: 'boolean', parameters: [], arguments: '' },
  false: { returns: 'boolean', parameters: [], arguments: '' },
  lang: { returns: 'boolean', parameters: [one('string')], arguments: 'a language code, such as "en"' },
  number: { returns: 'number', parameters: [optional('object')], arguments: OPTIONAL_VALUE },
  sum: {
    returns: 'number',
    parameters: [nodes('adds up the values of the nodes of a path')],
    arguments: 'the path whose nodes it adds up',
  },
  floor: { returns: 'number', parameters: [one('number')], arguments: 'a number' },
  ceiling: { returns: 'number', parameters: [one('number')], arguments: 'a number' },
  round: { returns: 'number', parameters: [one('number')], arguments: 'a number' },
};

/** How many arguments a call may give: `max` is Infinity for concat. */
export function arity(signature: FunctionSignature): { readonly min: number; readonly max: number } {
  const { parameters } = signature;
  return {
    min: parameters.filter((p) => !p.optional && !p.repeated).length,
    max: parameters.some((p) => p.repeated) ? Infinity : parameters.length,
  };
}

/** Each function's signature as the recommendation writes it, `string substring(string, number, number?)`. */
export const XPATH1_FUNCTIONS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(XPATH1_SIGNATURES).map(([name, { returns, parameters }]) => [
    name,
    `${returns} ${name}(${parameters.map((p) => `${p.type}${p.optional ? '?' : p.repeated ? '*' : ''}`).join(', ')})`,
  ]),
);

/** Functions people reach for from XPath 2.0 (and XSLT 2.0 / XQuery) that 1.0 lacks. */
export const XPATH2_FUNCTIONS = new Set([
  'abs',
  'avg',
  'codepoints-to-string',
  'compare',
  'current-date',
  'current-dateTime',
  'current-time',
  'data',
  'distinct-values',
  'empty',
  'ends-with',
  'exists',
  'format-date',
  'format-dateTime',
  'format-number',
  'index-of',
  'lower-case',
  'matches',
  'max',
  'min',
  'replace',
  'reverse',
  'string-join',
  'subsequence',
  'tokenize',
  'upper-case',
]);

/** Node tests that look like function calls: `text()`, `node()`, … */
export const NODE_TYPES = new Set(['comment', 'text', 'processing-instruction', 'node']);

export const AXES = new Set([
  'ancestor',
  'ancestor-or-self',
  'attribute',
  'child',
  'descendant',
  'descendant-or-self',
  'following',
  'following-sibling',
  'namespace',
  'parent',
  'preceding',
  'preceding-sibling',
  'self',
]);
