import { readdir, stat } from 'fs/promises';
import * as path from 'path';
import { describeError } from '../core/errors/userError';
import { CaseOutcome, runEventCases } from '../core/eventTests/runEventCases';
import { runPayloadCases } from '../core/eventTests/runPayloadCases';
import { parseTestFile } from '../core/eventTests/testFile';
import { compileFilter } from '../core/xpath/evaluate';
import { CliCommand, CliIo, oneLine } from './cliCommands';
import { readInputFile, unknownOption } from './cliInputs';
import { placesIn } from './findingLines';

const SUFFIX = '.eventtest.json';
/** A workspace holds a few dozen test files; a walk past these bounds is not one. */
const MAX_FILES = 10_000;
const MAX_DEPTH = 32;
const SKIPPED = new Set(['node_modules', '.git']);

/**
 * `oew test [PATH…]` — runs every *.eventtest.json under the paths (files or folders, the
 * current folder by default): one line per case, then `N passed, N failed`. Exit 0 when all
 * pass, 1 when a case fails, 2 when a file or a case cannot run (invalid input).
 */
export const testCommand: CliCommand = {
  name: 'test',
  summary:
    'Run the tests of rules, conditions and filters in *.eventtest.json files (in the current folder by default).',
  run: async (args, io) => {
    const option = args.find((a) => a.startsWith('-'));
    if (option) {
      io.err(`oew test: ${unknownOption(option)}. Give files or folders: oew test .oew/tests\n`);
      return 2;
    }
    const files = await testFiles(args.length ? args : ['.']);
    if (!files.length) {
      io.err(`oew test: no *${SUFFIX} file under ${args.length ? args.join(', ') : 'the current folder'}.\n`);
      return 2;
    }
    const counts = { passed: 0, failed: 0, errored: 0 };
    for (const file of files) {
      await runFile(file, io, counts);
    }
    io.out(
      `${counts.passed} passed, ${counts.failed} failed${counts.errored ? `, ${counts.errored} could not run` : ''}\n`,
    );
    return counts.errored ? 2 : counts.failed ? 1 : 0;
  },
};

async function runFile(file: string, io: CliIo, counts: Record<CaseOutcome['status'], number>): Promise<void> {
  let text: string;
  try {
    text = await readInputFile(file, 'test file');
  } catch (err) {
    io.err(`oew test: ${oneLine(describeError(err).cause)}\n`);
    counts.errored++;
    return;
  }
  const parsed = parseTestFile(text);
  const places = placesIn(file, text);
  for (const problem of parsed.problems) {
    io.err(`oew test: ${places.line(problem.start, 'error', problem.message)}`);
  }
  // A problem outside every case (the subject, the file) keeps the whole file from running.
  if (parsed.problems.some((p) => p.caseIndex === undefined)) {
    counts.errored += Math.max(1, parsed.cases.length);
    return;
  }
  counts.errored += new Set(parsed.problems.map((p) => p.caseIndex)).size;
  const folder = path.dirname(file);
  const read = (relative: string) => readInputFile(path.resolve(folder, relative), 'input');
  const outcomes =
    parsed.subject?.kind === 'filter'
      ? await runPayloadCases(parsed, read, compileFilter)
      : await runEventCases(parsed, read);
  for (const outcome of outcomes) {
    counts[outcome.status]++;
    const mark = outcome.status === 'passed' ? 'pass' : outcome.status === 'failed' ? 'FAIL' : 'ERROR';
    io.out(oneLine(`${mark} ${file} › ${outcome.name}${outcome.message ? `: ${outcome.message}` : ''}`) + '\n');
    for (const line of outcome.status === 'failed' ? (outcome.trace ?? []) : []) {
      io.out(`       ${oneLine(line)}\n`);
    }
  }
}

/** The test files a path names: itself, or those in its folders, sorted, within the bounds. */
async function testFiles(paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH || found.length >= MAX_FILES) {
      return;
    }
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && !SKIPPED.has(entry.name)) {
        await walk(full, depth + 1);
      } else if (entry.isFile() && entry.name.endsWith(SUFFIX) && found.length < MAX_FILES) {
        found.push(full);
      }
    }
  };
  for (const given of paths) {
    const info = await stat(given).catch(() => undefined);
    if (info?.isDirectory()) {
      await walk(given, 0);
    } else {
      // A file named on the command line runs whatever its name; a missing one says so when read.
      found.push(given);
    }
  }
  return found;
}
