import type { CaseOutcome } from './runEventCases';

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
