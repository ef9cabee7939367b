import { DOMParser } from '@xmldom/xmldom';
import { FusionEvent } from '../fusion/fusionEvents';
import { referenceCatalog } from '../fusion/referenceCatalog';
import { analyzeFilter, EVENT_PAYLOAD, FilterAnalysis } from './analyzeFilter';
import { Span } from './parser';
import { MAX_PAYLOAD_CHARS, preparePayload, withBudget } from './payloadBudget';
import { CompiledXPath, compileXPath, EvaluationOptions } from './xpathPackage';

/** What each path of a filter selected in a payload. */
export interface PathResult {
  /** The path as written in the expression. */
  readonly path: string;
  /** Where it is in the filter document. */
  readonly range: Span;
  readonly count: number;
  /** The first few selected nodes: their qualified name and string value. */
  readonly nodes: readonly { readonly name: string; readonly value: string }[];
}

export interface Evaluation {
  readonly value?: boolean;
  readonly paths: readonly PathResult[];
  /** Why the payload could not be evaluated (bad XML); the filter itself compiled. */
  readonly error?: string;
}

export type CompiledFilter =
  | {
      readonly ok: true;
      readonly analysis: FilterAnalysis;
      evaluate(payloadXml: string): Evaluation;
      /**
       * For a payload parsed once with parsePayload. Without `paths`, only the value is
       * computed: what a subscriber's runtime needs, and what a long list of payloads shows first.
       */
      evaluateParsed(payload: ParsedPayload, options?: { readonly paths?: boolean }): Evaluation;
    }
  | { readonly ok: false; readonly analysis: FilterAnalysis; readonly error: string };

/** The findings that make a filter fail rather than merely match nothing; XPath 2.0 cannot run as 1.0. */
const BLOCKING = new Set([
  'xml-malformed',
  'xpath-syntax',
  'too-deep',
  'unbound-prefix',
  'unbound-variable',
  'unknown-function',
  'xpath2-syntax',
]);
const SHOWN_NODES = 5;

/**
 * Compiles a filter once, for evaluation against any number of payloads. A filter with an
 * unbound prefix does not compile: the `xpath` package alone would let such a step match.
 */
export function compileFilter(text: string, events: readonly FusionEvent[] = referenceCatalog()): CompiledFilter {
  const analysis = analyzeFilter(text, events);
  const refusal = analysis.findings.find((f) => BLOCKING.has(f.code));
  if (refusal) {
    return { ok: false, analysis, error: refusal.message };
  }
  const { document, parsed } = analysis;
  let expression: CompiledXPath;
  let paths: { path: string; range: Span; evaluator: CompiledXPath }[];
  try {
    expression = compileXPath(document.expression);
    paths = parsed.paths.map((span) => {
      const path = document.expression.slice(span.start, span.end);
      return {
        path,
        range: { start: document.toDocumentOffset(span.start), end: document.toDocumentOffset(span.end) },
        evaluator: compileXPath(path),
      };
    });
  } catch (err) {
    return { ok: false, analysis, error: `The expression cannot be compiled: ${(err as Error).message}` };
  }
  const namespaces = {
    xml: 'http://www.w3.org/XML/1998/namespace',
    ...Object.fromEntries(document.namespaces.map((d) => [d.prefix, d.uri])),
  };
  return {
    ok: true,
    analysis,
    evaluate(payloadXml: string): Evaluation {
      const payload = parsePayload(payloadXml);
      return 'error' in payload ? { paths: [], error: payload.error } : this.evaluateParsed(payload);
    },
    evaluateParsed(payload: ParsedPayload, { paths: withPaths = true } = {}): Evaluation {
      const options: EvaluationOptions = {
        node: payload.node,
        namespaces,
        variables: { [EVENT_PAYLOAD]: payload.node },
      };
      try {
        return withBudget(() => ({
          value: expression.evaluateBoolean(options),
          paths: (withPaths ? paths : []).map(({ path, range, evaluator }) => {
            const nodes = evaluator.select(options);
            return {
              path,
              range,
              count: nodes.length,
              nodes: nodes.slice(0, SHOWN_NODES).map((n) => ({ name: n.nodeName, value: n.textContent ?? '' })),
            };
          }),
        }));
      } catch (err) {
        return { paths: [], error: `Evaluation failed: ${(err as Error).message}` };
      }
    },
  };
}

/** A payload's XML, parsed, with the node $eventPayload is bound to. */
export interface ParsedPayload {
  readonly node: Node;
}

/**
 * The node $eventPayload is bound to: the payload's `onEvent` element, which is its document
 * element as OIC receives it, or is found inside a SOAP envelope or an OIC tracking export.
 */
export function parsePayload(xml: string): ParsedPayload | { error: string } {
  if (xml.length > MAX_PAYLOAD_CHARS) {
    return {
      error: `The payload is ${(xml.length / 1048576).toFixed(1)} MB; payloads of more than ${MAX_PAYLOAD_CHARS / 1048576} MB are not evaluated (Fusion's are a few KB).`,
    };
  }
  const errors: string[] = [];
  let doc: Document;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') errors.push(message);
      },
    }).parseFromString(xml, 'text/xml') as unknown as Document;
  } catch (err) {
    return { error: `The payload is not well-formed XML: ${(err as Error).message.split('\n')[0]}` };
  }
  const root = doc.documentElement;
  if (errors.length || !root) {
    return { error: `The payload is not well-formed XML: ${errors[0] ?? 'it has no element'}` };
  }
  const tooDeep = preparePayload(doc);
  if (tooDeep) {
    return { error: `The payload cannot be evaluated: ${tooDeep}.` };
  }
  if (root.localName === 'onEvent') {
    return { node: root };
  }
  const inner = root.getElementsByTagNameNS('*', 'onEvent')[0];
  return { node: inner ?? root };
}
