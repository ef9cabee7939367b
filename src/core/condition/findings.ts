import { tooDeepMessage } from '../json/jsonDepth';
import { Finding as TextFinding, Fix, Severity } from '../text/findings';

export type { Fix, Severity };

export type Finding = TextFinding<FindingCode>;

export const CONDITION_FINDING_CODES = {
  'invalid-json': 'error',
  comment: 'error',
  'trailing-comma': 'error',
  'hcl-syntax': 'error',
  'too-deep': 'error',
  'not-an-object': 'error',
  'wildcard-in-key': 'error',
  'empty-array': 'error',
  'duplicate-key': 'error',
  'unknown-event-type': 'warning',
  'event-type-case': 'warning',
  'misplaced-data-field': 'warning',
  'freeform-tags-case': 'warning',
  'unknown-additional-detail': 'warning',
  'non-string-value': 'warning',
  'matches-everything': 'info',
  'lone-wildcard': 'info',
} as const satisfies Record<string, Severity>;

/** Rule documents (`*.rule.json`, `oci-rule:`): the fields around the condition. */
export const RULE_FINDING_CODES = {
  'unknown-rule-field': 'error',
  'missing-rule-field': 'error',
  'rule-field-type': 'error',
  'too-many-actions': 'error',
  'action-target': 'error',
} as const satisfies Record<string, Severity>;

export const FINDING_CODES = { ...CONDITION_FINDING_CODES, ...RULE_FINDING_CODES };

export type FindingCode = keyof typeof FINDING_CODES;

/** The one finding of a document too deep to read, at the bracket that opens the level past the limit. */
export function tooDeepFinding(what: 'condition' | 'rule document', offset: number): Finding {
  return finding('too-deep', `${tooDeepMessage(what)} Flatten it.`, offset, 1);
}

export function finding(
  code: FindingCode,
  message: string,
  offset: number,
  length: number,
  fixes: readonly Fix[] = [],
): Finding {
  return { code, severity: FINDING_CODES[code], message, offset, length, fixes };
}
