import { Node, parseTree, ParseError } from 'jsonc-parser';
import { analyzeCondition, ConditionAnalysis } from './analyzeCondition';
import { EventTypeCatalogue } from './catalogue';
import { isJsonObject } from '../json/isJsonObject';
import { parseJson } from '../json/parseJson';
import { ruleFieldFindings } from '../rules/ruleFields';
import { tooDeepAt } from '../json/jsonDepth';
import { Finding, finding, tooDeepFinding } from './findings';
import { syntaxFindings } from './syntaxFindings';

export type DocumentKind = 'condition' | 'rule';

export interface CheckedDocument {
  readonly kind: DocumentKind;
  readonly findings: Finding[];
  /** The condition's own analysis and where its text starts, when it is an object that can be analysed in place. */
  readonly condition?: { readonly analysis: ConditionAnalysis; readonly text: string; readonly base: number };
}

/**
 * Checks a file that holds either a condition or a rule document (JSON with a `condition`
 * field, as the API and `*.rule.json` files hold it), told apart by content. Findings inside a
 * rule document's condition are placed in the document.
 */
export function checkDocument(text: string, catalogue: EventTypeCatalogue, kind?: DocumentKind): CheckedDocument {
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    return {
      kind: kind ?? 'condition',
      findings: [tooDeepFinding(kind === 'rule' ? 'rule document' : 'condition', deep)],
    };
  }
  const condition = ruleCondition(text);
  if (kind === 'rule' && !condition) {
    // A rule document (by its name) whose condition is missing or not an object: its fields say why.
    const { root, errors } = parseRule(text);
    return {
      kind: 'rule',
      findings: root?.type === 'object' ? [...errors, ...ruleFieldFindings(root)] : notAnObject(text, errors),
    };
  }
  if (!condition) {
    const analysis = analyzeCondition(text, catalogue);
    return { kind: 'condition', findings: analysis.findings, condition: { analysis, text, base: 0 } };
  }
  const fields = ruleFieldFindings(condition.root);
  if (condition.node.type === 'string') {
    // The API form: JSON inside a string. Its findings point at the whole string, without fixes.
    const inner = analyzeCondition(condition.node.value as string, catalogue).findings;
    return {
      kind: 'rule',
      findings: [
        ...condition.errors,
        ...fields,
        ...inner.map((f) => ({ ...f, offset: condition.node.offset, length: condition.node.length, fixes: [] })),
      ],
    };
  }
  const base = condition.node.offset;
  const conditionText = text.slice(base, base + condition.node.length);
  const analysis = analyzeCondition(conditionText, catalogue);
  const inner = analysis.findings;
  return {
    kind: 'rule',
    condition: { analysis, text: conditionText, base },
    findings: [
      ...condition.errors,
      ...fields,
      ...inner.map((f) => ({
        ...f,
        offset: f.offset + base,
        fixes: f.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, offset: e.offset + base })) })),
      })),
    ],
  };
}

/**
 * A rule document's condition as a value to match with: its object, or the API's JSON string
 * parsed (an error saying where that string is not JSON). Undefined when there is no condition.
 */
export function ruleConditionValue(rule: unknown): unknown {
  const condition = isJsonObject(rule) ? rule.condition : undefined;
  if (typeof condition !== 'string') {
    return condition;
  }
  const parsed = parseJson(condition, 'its condition string', { what: 'condition' });
  if (!parsed.ok) {
    throw new Error(parsed.error);
  }
  return parsed.value;
}

/**
 * The `condition` value of a rule document, or undefined when the text is a bare condition (or
 * nests too deep to read; checkDocument says so).
 */
export function ruleCondition(text: string): { node: Node; root: Node; errors: Finding[] } | undefined {
  if (tooDeepAt(text) !== undefined) {
    return undefined;
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const node =
    root?.type === 'object'
      ? root.children?.find((p) => p.children?.[0]?.value === 'condition')?.children?.[1]
      : undefined;
  if (!root || !node || (node.type !== 'object' && node.type !== 'string')) {
    return undefined;
  }
  // Syntax errors outside the condition belong to the rule document; so do those inside a string
  // condition (a bad escape), which the analysis of the string's decoded value cannot see.
  const outside = syntaxFindings(text, errors).filter(
    (f) => node.type === 'string' || f.offset < node.offset || f.offset >= node.offset + node.length,
  );
  return { node, root, errors: outside };
}

function parseRule(text: string): { root: Node | undefined; errors: Finding[] } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  return { root, errors: syntaxFindings(text, errors) };
}

function notAnObject(text: string, errors: Finding[]): Finding[] {
  return errors.length
    ? errors
    : [
        finding(
          'not-an-object',
          'A rule document is a JSON object with displayName, isEnabled, condition and actions.',
          0,
          text.length,
        ),
      ];
}
