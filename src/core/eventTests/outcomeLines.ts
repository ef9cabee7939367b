import type { CaseOutcome } from './runEventCases';
import type { TestCaseSpec } from './testFile';

/**
 * A case's outcome as text: `pass|FAIL|ERROR FILE › NAME[: why]`, then for a failure the trace
 * indented under it. The CLI prints these; the Testing view's output shows the same.
 */
export function outcomeLines(file: string, outcome: CaseOutcome): string[] {
  const mark = outcome.status === 'passed' ? 'pass' : outcome.status === 'failed' ? 'FAIL' : 'ERROR';
  return [
    `${mark} ${file} › ${outcome.name}${outcome.message ? `: ${outcome.message}` : ''}`,
    ...(outcome.status === 'failed' ? (outcome.trace ?? []) : []).map((line) => `       ${line}`),
  ];
}

/** An expectation or an outcome as a user reads it: match, no match, true, false. */
export function expectText(expect: TestCaseSpec['expect'] | undefined): string {
  return expect === undefined ? '' : String(expect);
}
