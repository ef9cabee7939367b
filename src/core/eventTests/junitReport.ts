import junit from 'junit-report-builder';
import type { CaseOutcome } from './runEventCases';

export interface ReportedFile {
  /** The test file as the run named it, relative to where it ran. */
  readonly file: string;
  readonly outcomes: readonly CaseOutcome[];
  /** Why the file could not run at all, reported as one errored case. */
  readonly blocked?: string;
  /** Cases the file's problems kept from running, reported as errored cases. */
  readonly invalid?: readonly { readonly name: string; readonly message: string }[];
}

/**
 * JUnit XML as CI systems read it: testsuites → one testsuite per test file → one testcase per
 * case, a failure with the expectation and the trace, an error for a case that could not run.
 */
export function junitReport(files: readonly ReportedFile[]): string {
  const builder = junit.newBuilder();
  for (const reported of files) {
    const suite = builder.testSuite().name(reported.file);
    const classname = reported.file.replace(/\.eventtest\.json$/, '');
    if (reported.blocked !== undefined) {
      suite.testCase().className(classname).name('(the test file)').error(reported.blocked);
    }
    for (const invalid of reported.invalid ?? []) {
      suite.testCase().className(classname).name(invalid.name).error(invalid.message);
    }
    for (const outcome of reported.outcomes) {
      const testCase = suite.testCase().className(classname).name(outcome.name).file(reported.file);
      if (outcome.status === 'failed') {
        testCase.failure(outcome.message).stacktrace((outcome.trace ?? []).join('\n'));
      } else if (outcome.status === 'errored') {
        testCase.error(outcome.message);
      }
    }
  }
  return builder.build();
}
