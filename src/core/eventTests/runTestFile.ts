import type { CompiledFilter } from '../xpath/evaluate';
import { EmulatorRule, runEmulatorCases } from './runEmulatorCases';
import { FileRun, ReadRelative, RunOptions, runEventCases } from './runEventCases';
import { runPayloadCases } from './runPayloadCases';
import { ParsedTestFile, parseTestFile } from './testFile';

export interface TestFileRun extends FileRun {
  readonly parsed: ParsedTestFile;
  /** Why the file as a whole could not run (a problem outside every case); its cases then did not run. */
  readonly blocked?: string;
  /** The text of each file the run read, by its path as the test file names it: where what it reports is placed. */
  readonly inputs: ReadonlyMap<string, string>;
}

export interface TestFileOptions extends RunOptions {
  /** For Run in Emulator: a rule's cases go through the emulator that has the rule, found by its id. */
  readonly emulator?: (ruleId: string) => Promise<EmulatorRule>;
}

/**
 * Parses a test file's text and runs its cases against its subject. `filterEngine` gives the
 * XPath engine's compileFilter, asked for only when the subject is a filter. Each file the test
 * file names is read once, however many cases name it.
 */
export async function runTestFile(
  text: string,
  read: ReadRelative,
  filterEngine: () => Promise<(text: string) => CompiledFilter>,
  options: TestFileOptions = {},
): Promise<TestFileRun> {
  const parsed = parseTestFile(text);
  const inputs = new Map<string, string>();
  const fileProblem = parsed.problems.find((p) => p.caseIndex === undefined);
  if (fileProblem) {
    return { parsed, outcomes: [], blocked: fileProblem.message, inputs };
  }
  const reads = new Map<string, Promise<string>>();
  const readOnce: ReadRelative = (path) => {
    let pending = reads.get(path);
    if (!pending) {
      pending = read(path).then((input) => (inputs.set(path, input), input));
      reads.set(path, pending);
    }
    return pending;
  };
  const run = options.emulator
    ? await runEmulatorCases(parsed, readOnce, options.emulator)
    : parsed.subject?.kind === 'filter'
      ? await runPayloadCases(parsed, readOnce, await filterEngine(), options)
      : await runEventCases(parsed, readOnce, options);
  return { parsed, ...run, inputs };
}
