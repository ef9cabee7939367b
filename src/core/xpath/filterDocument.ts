import { lastAtOrBefore } from '../text/textEdits';
import { DOMParser } from '@xmldom/xmldom';
import { Span } from './parsedExpression';

export interface NamespaceDeclaration {
  readonly prefix: string;
  readonly uri: string;
  /** The whole declaration: `xmlns:p="…"`, or `p=…` in an `oew:ns` comment. */
  readonly range: Span;
  readonly prefixRange: Span;
  readonly uriRange: Span;
  /** What to delete to remove it: the attribute with the space before it, or the whole comment line. */
  readonly removalRange: Span;
}

export interface FilterDocument {
  readonly text: string;
  /** The target event named by `<!-- oew:event {namespace}Local -->`. */
  readonly event?: { readonly name: string; readonly range: Span };
  readonly namespaces: readonly NamespaceDeclaration[];
  /** The expression with XML entities decoded, as OIC evaluates it. */
  readonly expression: string;
  /** Where the expression's text is in the document. */
  readonly expressionRange: Span;
  /** Maps an offset in `expression` to the document offset of the character it came from. */
  toDocumentOffset(offset: number): number;
  /** Whether the expression sits in an `<xpathExpr>` element (else it is a bare expression). */
  readonly wrapped: boolean;
  /** Where a new namespace declaration goes: in the start tag, or as a comment before a bare expression. */
  readonly declarationOffset: number;
  /** What goes before a new attribute: a space, or a line break and indent when each declaration has its own line. */
  readonly attributeSeparator: string;
  readonly xmlProblem?: { readonly message: string; readonly range: Span; readonly replacement?: string };
}

const COMMENT = /<!--([\s\S]*?)-->/y;
const ATTRIBUTE = /\s(xmlns(?::([A-Za-z_][\w.-]*))?)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Reads a filter file: leading `oew:` comments, then either the `<xpathExpr xmlns:…>` element
 * as OIC stores it, or a bare expression whose namespaces come from `oew:ns` comments.
 */
export function readFilterDocument(text: string): FilterDocument {
  const namespaces: NamespaceDeclaration[] = [];
  let event: FilterDocument['event'];
  let i = skipSpace(text, 0);
  for (;;) {
    COMMENT.lastIndex = i;
    const comment = COMMENT.exec(text);
    if (!comment) {
      break;
    }
    const bodyStart = comment.index + 4;
    const eventMatch = /^\s*oew:event\s+(\S+)/.exec(comment[1]);
    if (eventMatch) {
      const start = bodyStart + eventMatch[0].length - eventMatch[1].length;
      event = { name: eventMatch[1], range: { start, end: start + eventMatch[1].length } };
    }
    const nsMatch = /^\s*oew:ns\s+([A-Za-z_][\w.-]*)\s*=\s*(\S+)/.exec(comment[1]);
    if (nsMatch) {
      const prefixStart = bodyStart + comment[1].indexOf(nsMatch[1], comment[1].indexOf('oew:ns') + 6);
      const uriStart = bodyStart + nsMatch[0].length - nsMatch[2].length;
      namespaces.push({
        prefix: nsMatch[1],
        uri: nsMatch[2],
        range: { start: prefixStart, end: uriStart + nsMatch[2].length },
        prefixRange: { start: prefixStart, end: prefixStart + nsMatch[1].length },
        uriRange: { start: uriStart, end: uriStart + nsMatch[2].length },
        removalRange: {
          start: comment.index,
          end: text[COMMENT.lastIndex] === '\n' ? COMMENT.lastIndex + 1 : COMMENT.lastIndex,
        },
      });
    }
    i = skipSpace(text, COMMENT.lastIndex);
  }
  if (!text.startsWith('<xpathExpr', i)) {
    const end = trimEnd(text, text.length);
    return {
      text,
      event,
      namespaces,
      expression: text.slice(i, end),
      expressionRange: { start: i, end },
      toDocumentOffset: (offset) => i + offset,
      wrapped: false,
      declarationOffset: i,
      attributeSeparator: ' ',
    };
  }
  // OIC sees only the element: in a wrapped filter, oew:ns comments declare nothing.
  return readWrapper(text, i, event);
}

function readWrapper(text: string, start: number, event: FilterDocument['event']): FilterDocument {
  const tagEnd = endOfStartTag(text, start);
  const close = text.lastIndexOf('</xpathExpr');
  const contentStart = tagEnd === undefined ? text.length : tagEnd + 1;
  const contentEnd = close >= contentStart ? close : text.length;
  const namespaces: NamespaceDeclaration[] = [];
  ATTRIBUTE.lastIndex = 0;
  const startTag = text.slice(start, contentStart);
  for (const match of startTag.matchAll(ATTRIBUTE)) {
    if (!match[2]) {
      continue;
    }
    const declStart = start + match.index + 1;
    const prefixStart = declStart + 'xmlns:'.length;
    const uri = match[3] ?? match[4];
    const uriStart = start + match.index + match[0].length - uri.length - 1;
    namespaces.push({
      prefix: match[2],
      uri: decode(uri).text,
      range: { start: declStart, end: start + match.index + match[0].length },
      prefixRange: { start: prefixStart, end: prefixStart + match[2].length },
      uriRange: { start: uriStart, end: uriStart + uri.length },
      removalRange: { start: start + match.index, end: start + match.index + match[0].length },
    });
  }
  const raw = text.slice(contentStart, contentEnd);
  const decoded = decode(raw);
  // Leading and trailing white space is not part of the expression's range.
  const lead = decoded.text.length - decoded.text.trimStart().length;
  const expression = decoded.text.trim();
  const toDocumentOffset = (offset: number) => contentStart + decoded.map(offset + lead);
  return {
    text,
    event,
    namespaces,
    expression,
    expressionRange: { start: toDocumentOffset(0), end: toDocumentOffset(expression.length) },
    toDocumentOffset,
    wrapped: true,
    declarationOffset: tagEnd === undefined ? contentStart : text[tagEnd - 1] === '/' ? tagEnd - 1 : tagEnd,
    attributeSeparator: /(\r?\n[ \t]*)xmlns[^\n]*$/.exec(startTag)?.[1] ?? ' ',
    xmlProblem: unescaped(raw, contentStart) ?? wellFormedness(text, start),
  };
}

/** The commonest XML mistake in a filter, named plainly: a comparison's < or a & written raw. */
function unescaped(raw: string, contentStart: number): FilterDocument['xmlProblem'] {
  const reference = /&#(x[0-9a-fA-F]+|[0-9]+);/g;
  for (let found = reference.exec(raw); found; found = reference.exec(raw)) {
    const code = found[1].startsWith('x') ? parseInt(found[1].slice(1), 16) : parseInt(found[1], 10);
    if (!isXmlChar(code)) {
      const start = contentStart + found.index;
      return { message: `${found[0]} is not a character XML allows`, range: { start, end: start + found[0].length } };
    }
  }
  const match = /<|&(?!(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);)/.exec(raw);
  if (!match) {
    return undefined;
  }
  const start = contentStart + match.index;
  const replacement = match[0] === '<' ? '&lt;' : '&amp;';
  return {
    message: `a ${match[0]} inside <xpathExpr> must be written ${replacement}`,
    range: { start, end: start + 1 },
    replacement,
  };
}

/** The first well-formedness error of the wrapper, as the XML parser reports it. */
function wellFormedness(text: string, start: number): FilterDocument['xmlProblem'] {
  const problems: { message: string; line?: number; column?: number }[] = [];
  const report = (message: string, locator?: { lineNumber?: number; columnNumber?: number }) =>
    problems.push({ message, line: locator?.lineNumber, column: locator?.columnNumber });
  try {
    new DOMParser({
      locator: true,
      onError: (level, message, context) => {
        if (level !== 'warning') {
          report(message, (context as { locator?: { lineNumber?: number; columnNumber?: number } })?.locator);
        }
      },
    }).parseFromString(text.slice(start), 'text/xml');
  } catch (err) {
    const { message, locator } = err as { message: string; locator?: { lineNumber?: number; columnNumber?: number } };
    if (!problems.length) {
      report(message, locator);
    }
  }
  const first = problems[0];
  if (!first) {
    return undefined;
  }
  const offset = first.line ? offsetOf(text, start, first.line, first.column ?? 1) : start;
  const lineEnd = text.indexOf('\n', offset);
  return {
    message: first.message.replace(/^element parse error: Error: /, '').split('\n')[0],
    // At least one character, never past the end: a problem at the very end is marked there.
    range: { start: offset, end: Math.min(text.length, Math.max(offset + 1, lineEnd < 0 ? text.length : lineEnd)) },
  };
}

/** The offset of a parser's 1-based line and column; XML reads \r\n, a lone \r and \n each as one line break. */
function offsetOf(text: string, start: number, line: number, column: number): number {
  let offset = start;
  for (let l = 1; l < line; l++) {
    const lineBreak = /\r\n?|\n/g;
    lineBreak.lastIndex = offset;
    if (!lineBreak.exec(text)) {
      return text.length;
    }
    offset = lineBreak.lastIndex;
  }
  return Math.min(text.length, offset + column - 1);
}

/**
 * Decodes XML entity and character references, keeping where each decoded character came from.
 * The text between references is copied whole and mapped as a run: a map entry per character
 * made most of what analysing a long filter cost.
 */
export function decode(raw: string): { text: string; map: (offset: number) => number } {
  let text = '';
  // Where each run starts in the decoded text and in the raw one; a reference's units all map to its '&'.
  const decodedStarts: number[] = [];
  const rawStarts: number[] = [];
  const isReference: boolean[] = [];
  const run = (rawStart: number, decoded: string, reference: boolean) => {
    const last = decodedStarts.length - 1;
    const continues = !reference && last >= 0 && !isReference[last];
    if (continues && rawStarts[last] + text.length - decodedStarts[last] === rawStart) {
      text += decoded;
      return;
    }
    decodedStarts.push(text.length);
    rawStarts.push(rawStart);
    isReference.push(reference);
    text += decoded;
  };
  const reference = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/y;
  for (let i = 0; i < raw.length;) {
    const amp = raw.indexOf('&', i);
    const plainEnd = amp < 0 ? raw.length : amp;
    if (plainEnd > i) {
      run(i, raw.slice(i, plainEnd), false);
      i = plainEnd;
      continue;
    }
    reference.lastIndex = i;
    const entity = reference.exec(raw);
    const value = entity ? entityValue(entity[1]) : undefined;
    if (entity && value !== undefined) {
      run(i, value, true);
      i += entity[0].length;
    } else {
      // A '&' that starts no known reference stays as written, with what follows it.
      const next = raw.indexOf('&', i + 1);
      const end = next < 0 ? raw.length : next;
      run(i, raw.slice(i, end), false);
      i = end;
    }
  }
  return {
    text,
    map: (offset) => {
      if (offset >= text.length) {
        return raw.length;
      }
      const run = lastAtOrBefore(decodedStarts, offset);
      return isReference[run] ? rawStarts[run] : rawStarts[run] + (offset - decodedStarts[run]);
    },
  };
}

function entityValue(name: string): string | undefined {
  if (name.startsWith('#')) {
    const code = name.startsWith('#x') ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return isXmlChar(code) ? String.fromCodePoint(code) : undefined;
  }
  return ENTITIES[name];
}

/** XML 1.0's Char production: a reference to anything else is not well formed. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

function endOfStartTag(text: string, from: number): number | undefined {
  let quote: string | undefined;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return i;
    }
  }
  return undefined;
}

function skipSpace(text: string, from: number): number {
  while (from < text.length && /\s/.test(text[from])) from++;
  return from;
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}

/** The text that declares `prefix` for a document of this kind, at its declarationOffset. */
export function declarationText(document: FilterDocument, prefix: string, uri: string): string {
  return document.wrapped
    ? `${document.attributeSeparator}xmlns:${prefix}="${uri.replace(/"/g, '&quot;')}"`
    : `<!-- oew:ns ${prefix}=${uri} -->\n`;
}
