import { Node, parseTree, ParseError } from 'jsonc-parser';
import { analyzeCondition } from './analyzeCondition';
import { EventTypeCatalogue } from './catalogue';
import { ruleFieldFindings } from '../rules/ruleFields';
import { Finding, finding } from './findings';
import { syntaxFindings } from './syntaxFindings';

export type DocumentKind = 'condition' | 'rule';

/**
 * Checks a file that holds either a condition or a rule document (JSON with a `condition`
 * field, as the API and `*.rule.json` files hold it), told apart by content. Findings inside a
 * rule document's condition are placed in the document.
 */
export function checkDocument(
  text: string,
  catalogue: EventTypeCatalogue,
  kind?: DocumentKind,
): { kind: DocumentKind; findings: Finding[] } {
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
    return { kind: 'condition', findings: analyzeCondition(text, catalogue).findings };
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
  const inner = analyzeCondition(text.slice(base, base + condition.node.length), catalogue).findings;
  return {
    kind: 'rule',
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

/** The `condition` value of a rule document, or undefined when the text is a bare condition. */
export function ruleCondition(text: string): { node: Node; root: Node; errors: Finding[] } | undefined {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const node =
    root?.type === 'object'
      ? root.children?.find((p) => p.children?.[0]?.value === 'condition')?.children?.[1]
      : undefined;
  if (!root || !node || (node.type !== 'object' && node.type !== 'string')) {
    return undefined;
  }
  // Syntax errors outside the condition belong to the rule document.
  const outside = syntaxFindings(text, errors).filter(
    (f) => f.offset < node.offset || f.offset >= node.offset + node.length,
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
