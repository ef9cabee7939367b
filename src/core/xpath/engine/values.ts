import { XNode } from './dataModel';

/** An XPath 1.0 value (section 1): a node-set is held in document order, without duplicates. */
export type XPathValue =
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'node-set'; readonly nodes: readonly XNode[] };

export const booleanValue = (value: boolean): XPathValue => ({ type: 'boolean', value });
export const numberValue = (value: number): XPathValue => ({ type: 'number', value });
export const stringValue = (value: string): XPathValue => ({ type: 'string', value });
export const nodeSet = (nodes: readonly XNode[]): XPathValue => ({ type: 'node-set', nodes });

/** boolean() of section 4.3. */
export function toBoolean(value: XPathValue): boolean {
  switch (value.type) {
    case 'boolean':
      return value.value;
    case 'number':
      return value.value !== 0 && !Number.isNaN(value.value);
    case 'string':
      return value.value.length > 0;
    case 'node-set':
      return value.nodes.length > 0;
  }
}

/** string() of section 4.2: a node-set gives its first node's string-value. */
export function toString(value: XPathValue): string {
  switch (value.type) {
    case 'boolean':
      return value.value ? 'true' : 'false';
    case 'number':
      return numberToString(value.value);
    case 'string':
      return value.value;
    case 'node-set':
      return value.nodes.length ? value.nodes[0].stringValue : '';
  }
}

/** number() of section 4.4. */
export function toNumber(value: XPathValue): number {
  switch (value.type) {
    case 'boolean':
      return value.value ? 1 : 0;
    case 'number':
      return value.value;
    case 'string':
      return stringToNumber(value.value);
    case 'node-set':
      return stringToNumber(toString(value));
  }
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * A string as a number (section 4.4): optional white space, an optional minus, digits with at
 * most one dot and at least one digit, optional white space; anything else is NaN. So `5.` is 5,
 * and `1e3`, `+1` and `1,200` are NaN. Scanned by hand: one pass, whatever the text.
 */
export function stringToNumber(text: string): number {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  let i = start;
  if (text.charCodeAt(i) === 0x2d) i++;
  let digits = 0;
  let dots = 0;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      digits++;
    } else if (c === 0x2e && dots === 0) {
      dots++;
    } else {
      return NaN;
    }
  }
  return digits ? Number(text.slice(start, end)) : NaN;
}

/**
 * A number as a string (section 4.2): no exponent, and only as many digits as tell the number
 * apart, which is what JavaScript prints, except that it writes an exponent past 1e21 and below
 * 1e-6; those are written out in full here.
 */
export function numberToString(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (value === 0) return '0';
  const text = String(value);
  const exponent = text.indexOf('e');
  if (exponent < 0) {
    return text;
  }
  const sign = value < 0 ? '-' : '';
  const mantissa = text.slice(sign.length, exponent).replace('.', '');
  const power = Number(text.slice(exponent + 1));
  // The mantissa is d.ddd: its point sits after the first digit, moved by the power.
  const point = 1 + power;
  if (point <= 0) {
    return `${sign}0.${'0'.repeat(-point)}${mantissa}`;
  }
  return `${sign}${mantissa}${'0'.repeat(Math.max(0, point - mantissa.length))}`;
}
