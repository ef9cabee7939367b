import { Finding, Fix, Severity } from '../text/findings';

export const XPATH_FINDING_CODES = {
  'xml-malformed': 'error',
  'xpath-syntax': 'error',
  'too-deep': 'error',
  'unbound-prefix': 'error',
  'unbound-variable': 'error',
  'unknown-function': 'error',
  'wrong-argument-count': 'error',
  'wrong-type': 'error',
  'wrong-namespace': 'warning',
  'unprefixed-step': 'warning',
  'xpath2-syntax': 'warning',
  'no-event-payload': 'warning',
  'unknown-event': 'warning',
  'unused-prefix': 'info',
} as const satisfies Record<string, Severity>;

export type XPathFindingCode = keyof typeof XPATH_FINDING_CODES;

export type XPathFinding = Finding<XPathFindingCode>;

export function xpathFinding(
  code: XPathFindingCode,
  message: string,
  range: { start: number; end: number },
  fixes: readonly Fix[] = [],
): XPathFinding {
  return {
    code,
    severity: XPATH_FINDING_CODES[code],
    message,
    offset: range.start,
    length: range.end - range.start,
    fixes,
  };
}
