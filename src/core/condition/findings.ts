import { TextEdit } from '../text/textEdits';

export type Severity = 'error' | 'warning' | 'info';

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

export interface Finding {
  /** Stable: tools and users may filter on it. */
  readonly code: FindingCode;
  readonly severity: Severity;
  /** What is wrong and what to write instead. */
  readonly message: string;
  readonly offset: number;
  readonly length: number;
  readonly fixes: readonly Fix[];
}

export const FINDING_CODES = {
  'invalid-json': 'error',
  comment: 'error',
  'trailing-comma': 'error',
  'hcl-syntax': 'error',
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

export type FindingCode = keyof typeof FINDING_CODES;

export function finding(
  code: FindingCode,
  message: string,
  offset: number,
  length: number,
  fixes: readonly Fix[] = [],
): Finding {
  return { code, severity: FINDING_CODES[code], message, offset, length, fixes };
}
