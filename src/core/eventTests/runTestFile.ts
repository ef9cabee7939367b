import type { CompiledFilter } from '../xpath/evaluate';
import { FileRun, ReadRelative, RunOptions, runEventCases } from './runEventCases';
import { runPayloadCases } from './runPayloadCases';
import { ParsedTestFile, parseTestFile } from './testFile';

export interface TestFileRun extends FileRun {
  readonly parsed: ParsedTestFile;
  /** Why the file as a whole could not run (a problem outside every case); its cases then did not run. */
  readonly blocked?: string;
}

/**
 * Parses a test file's text and runs its cases against its subject. `filterEngine` gives the
 * XPath engine's compileFilter, asked for only when the subject is a filter.
 */
export async function runTestFile(
  text: string,
  read: ReadRelative,
  filterEngine: () => Promise<(text: string) => CompiledFilter>,
  options: RunOptions = {},
): Promise<TestFileRun> {
  const parsed = parseTestFile(text);
  const fileProblem = parsed.problems.find((p) => p.caseIndex === undefined);
  if (fileProblem) {
    return { parsed, outcomes: [], blocked: fileProblem.message };
  }
  const run =
    parsed.subject?.kind === 'filter'
      ? await runPayloadCases(parsed, read, await filterEngine(), options)
      : await runEventCases(parsed, read, options);
  return { parsed, ...run };
}
