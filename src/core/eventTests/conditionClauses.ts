import { Node, parseTree } from 'jsonc-parser';
import { MAX_JSON_DEPTH } from '../json/jsonDepth';

/** A field of a condition and the value it wants, as written: a leaf of the condition's objects. */
export interface ConditionClause {
  /** The dotted path, as the matcher's trace names it: data.additionalDetails.bucketName. */
  readonly path: string;
  /** The `"key": value` property, where a clause is shown. */
  readonly property: Node;
  readonly value: Node;
}

/** The clauses of a condition written as JSON text, in the order written; none for text that is no object. */
export function conditionClauses(text: string): ConditionClause[] {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  const clauses: ConditionClause[] = [];
  const walk = (node: Node, path: readonly string[], depth: number): void => {
    if (depth > MAX_JSON_DEPTH) {
      return;
    }
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (!key || !value || typeof key.value !== 'string') {
        continue;
      }
      const here = [...path, key.value];
      if (value.type === 'object') {
        walk(value, here, depth + 1);
      } else {
        clauses.push({ path: here.join('.'), property, value });
      }
    }
  };
  if (root?.type === 'object') {
    walk(root, [], 0);
  }
  return clauses;
}
