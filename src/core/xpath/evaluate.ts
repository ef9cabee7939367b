import { FusionEvent } from '../fusion/fusionEvents';
import { referenceCatalog } from '../fusion/referenceCatalog';
import { analyzeFilter, FilterAnalysis } from './analyzeFilter';
import { Expr } from './engine/ast';
import { PayloadTree } from './engine/dataModel';
import { evaluateTree } from './engine/evaluator';
import { logicalOperands } from './engine/logicalOperands';
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

/** An `and`/`or` operand of a filter: where it is in the filter document. */
export interface LogicalOperand {
  readonly text: string;
  readonly range: Span;
}

/** The values an operand took in one evaluation; neither when short-circuiting skipped it. */
export interface OperandSeen {
  readonly sawTrue: boolean;
  readonly sawFalse: boolean;
}

export interface Evaluation {
  readonly value?: boolean;
  readonly paths: readonly PathResult[];
  /** With the `operands` option: what each of the filter's `operands` evaluated to, in their order. */
  readonly operands?: readonly OperandSeen[];
  /** Why the payload could not be evaluated (bad XML); the filter itself compiled. */
  readonly error?: string;
}

export type CompiledFilter =
  | {
      readonly ok: true;
      readonly analysis: FilterAnalysis;
      /** Every operand of an `and` or an `or`, in the order written. */
      readonly operands: readonly LogicalOperand[];
      evaluate(payloadXml: string, options?: EvaluateOptions): Evaluation;
      /**
       * For a payload parsed once with parsePayloadTree. Without `paths`, only the value is
       * computed: what a subscriber's runtime needs, and what a long list of payloads shows first.
       */
      evaluateParsed(payload: PayloadTree, options?: EvaluateOptions): Evaluation;
      /**
       * Where the filter decided `value`, from an evaluation's `operands`: the operand of an
       * `and` that was false, or of an `or` that was true, followed down; else the whole expression.
       */
      decidedAt(operands: readonly OperandSeen[], value: boolean): Span;
    }
  | { readonly ok: false; readonly analysis: FilterAnalysis; readonly error: string };

export interface EvaluateOptions {
  /** What each path selected (the default), or only the value. */
  readonly paths?: boolean;
  /** What each `and`/`or` operand evaluated to (not by default: it costs a lookup per operand). */
  readonly operands?: boolean;
}

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
  const operandNodes = logicalOperands(expression);
  const operandIndex = new Map(operandNodes.map((node, i) => [node, i]));
  return {
    ok: true,
    analysis,
    operands: operandNodes.map((node) => ({
      text: document.expression.slice(node.start, node.end),
      range: { start: document.toDocumentOffset(node.start), end: document.toDocumentOffset(node.end) },
    })),
    decidedAt(operands: readonly OperandSeen[], value: boolean): Span {
      let node: Expr = expression;
      // Only an `and` that is false, or an `or` that is true, has one operand that decided it.
      while (node.kind === 'binary' && node.operator === (value ? 'or' : 'and')) {
        const next: Expr | undefined = [node.left, node.right].find((operand) => {
          const seen = operands[operandIndex.get(operand) ?? -1];
          return value ? seen?.sawTrue : seen?.sawFalse;
        });
        if (!next) {
          break;
        }
        node = next;
      }
      return { start: document.toDocumentOffset(node.start), end: document.toDocumentOffset(node.end) };
    },
    evaluate(payloadXml: string, options?: EvaluateOptions): Evaluation {
      const payload = parsePayloadTree(payloadXml);
      return 'error' in payload ? { paths: [], error: payload.error } : this.evaluateParsed(payload, options);
    },
    evaluateParsed(payload: PayloadTree, { paths: withPaths = true, operands = false } = {}): Evaluation {
      const seen = operands ? operandNodes.map(() => ({ sawTrue: false, sawFalse: false })) : undefined;
      const observe = seen
        ? (node: Expr, value: boolean) => {
            const i = operandIndex.get(node);
            if (i !== undefined) {
              seen[i][value ? 'sawTrue' : 'sawFalse'] = true;
            }
          }
        : undefined;
      try {
        return {
          value: toBoolean(evaluateTree(expression, payload, namespaces, observe)),
          ...(seen ? { operands: seen } : {}),
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
