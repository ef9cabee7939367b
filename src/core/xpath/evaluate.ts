import { FusionEvent } from '../fusion/fusionEvents';
import { referenceCatalog } from '../fusion/referenceCatalog';
import { analyzeFilter, FilterAnalysis } from './analyzeFilter';
import { Expr } from './engine/ast';
import { PayloadTree } from './engine/dataModel';
import { evaluateTree } from './engine/evaluator';
import { parsePayloadTree } from './engine/payloadTree';
import { toBoolean } from './engine/values';
import { parseExpression } from './parser';
import { Span } from './parsedExpression';
import { XPathFinding } from './xpathFindings';

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
       * For a payload parsed once with parsePayloadTree. Without `paths`, only the value is
       * computed: what a subscriber's runtime needs, and what a long list of payloads shows first.
       */
      evaluateParsed(payload: PayloadTree, options?: { readonly paths?: boolean }): Evaluation;
    }
  | { readonly ok: false; readonly analysis: FilterAnalysis; readonly error: string };

/** The findings that make a filter fail rather than merely match nothing; XPath 2.0 cannot run as 1.0. */
const BLOCKING: ReadonlySet<string> = new Set([
  'xml-malformed',
  'xpath-syntax',
  'too-deep',
  'unbound-prefix',
  'unbound-variable',
  'unknown-function',
  'wrong-argument-count',
  'wrong-type',
  'xpath2-syntax',
]);
const SHOWN_NODES = 5;

/** Whether a finding keeps the filter from being evaluated at all. */
export const isBlocking = (finding: XPathFinding) => BLOCKING.has(finding.code);

/**
 * Compiles a filter once, for evaluation against any number of payloads. A filter with a
 * blocking finding does not compile: OIC would refuse it, or fail on every event.
 */
export function compileFilter(text: string, events: readonly FusionEvent[] = referenceCatalog()): CompiledFilter {
  const analysis = analyzeFilter(text, events);
  const refusal = analysis.findings.find(isBlocking);
  if (refusal) {
    return { ok: false, analysis, error: refusal.message };
  }
  const { document, parsed } = analysis;
  const expression = parsed.tree!;
  // Each path on its own, as written, to show what it selects: read again from its own text.
  const paths = parsed.paths.flatMap((span) => {
    const path = document.expression.slice(span.start, span.end);
    const tree = parseExpression(path).tree;
    const range = { start: document.toDocumentOffset(span.start), end: document.toDocumentOffset(span.end) };
    return tree ? [{ path, range, tree }] : [];
  });
  const namespaces = Object.fromEntries(document.namespaces.map((d) => [d.prefix, d.uri]));
  return {
    ok: true,
    analysis,
    evaluate(payloadXml: string): Evaluation {
      const payload = parsePayloadTree(payloadXml);
      return 'error' in payload ? { paths: [], error: payload.error } : this.evaluateParsed(payload);
    },
    evaluateParsed(payload: PayloadTree, { paths: withPaths = true } = {}): Evaluation {
      try {
        return {
          value: toBoolean(evaluateTree(expression, payload, namespaces)),
          paths: (withPaths ? paths : []).map(({ path, range, tree }) => {
            const nodes = selected(tree, payload, namespaces);
            return {
              path,
              range,
              count: nodes.length,
              nodes: nodes.slice(0, SHOWN_NODES).map((n) => ({ name: n.qualifiedName, value: n.stringValue })),
            };
          }),
        };
      } catch (err) {
        return { paths: [], error: `Evaluation failed: ${(err as Error).message}` };
      }
    },
  };
}

function selected(path: Expr, payload: PayloadTree, namespaces: Record<string, string>) {
  const value = evaluateTree(path, payload, namespaces);
  return value.type === 'node-set' ? value.nodes : [];
}
