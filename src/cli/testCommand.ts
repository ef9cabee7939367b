import { readdir, stat, writeFile } from 'fs/promises';
import * as path from 'path';
import { describeError } from '../core/errors/userError';
import { CoverageItem, coverageSummary, mergeCoverageItems } from '../core/eventTests/coverage';
import type { ReportedFile } from '../core/eventTests/junitReport';
import { outcomeLines } from '../core/eventTests/outcomeLines';
import { CaseOutcome } from '../core/eventTests/runEventCases';
import { runTestFile } from '../core/eventTests/runTestFile';
import { compileFilter } from '../core/xpath/evaluate';
import { CliCommand, CliIo, oneLine } from './cliCommands';
import { readInputFile, unknownOption } from './cliInputs';
import { placesIn } from './findingLines';

const SUFFIX = '.eventtest.json';
/** A workspace holds a few dozen test files; a walk past these bounds is not one. */
const MAX_FILES = 10_000;
const MAX_DEPTH = 32;
const SKIPPED = new Set(['node_modules', '.git']);
const USAGE = 'oew test [--coverage] [--reporter junit --output FILE] [PATH…]';

interface Options {
  readonly paths: string[];
  coverage: boolean;
  junit?: string;
}

type Counts = Record<CaseOutcome['status'], number>;

/** A subject's coverage from every file that tests it, and the text to find its lines in. */
interface SubjectCoverage {
  readonly lists: (readonly CoverageItem[])[];
  readonly text: string;
}

/**
 * `oew test [PATH…]` — runs every *.eventtest.json under the paths (files or folders, the
 * current folder by default): one line per case, then `N passed, N failed`. Exit 0 when all
 * pass, 1 when a case fails, 2 when a file or a case cannot run (invalid input).
 */
export const testCommand: CliCommand = {
  name: 'test',
  summary:
    'Run the tests of rules, conditions and filters in *.eventtest.json files (in the current folder by default); --coverage prints the clauses they cover, --reporter junit --output FILE writes JUnit XML.',
  run: async (args, io) => {
    const options = parseOptions(args);
    if (typeof options === 'string') {
      io.err(`oew test: ${options}. Usage: ${USAGE}\n`);
      return 2;
    }
    const files = await testFiles(options.paths.length ? options.paths : ['.']);
    if (!files.length) {
      const where = options.paths.length ? options.paths.join(', ') : 'the current folder';
      io.err(`oew test: no *${SUFFIX} file under ${where}.\n`);
      return 2;
    }
    const counts: Counts = { passed: 0, failed: 0, errored: 0 };
    const reported: ReportedFile[] = [];
    const coverage = new Map<string, SubjectCoverage>();
    for (const file of files) {
      reported.push(await runFile(file, io, counts, options.coverage ? coverage : undefined));
    }
    io.out(
      `${counts.passed} passed, ${counts.failed} failed${counts.errored ? `, ${counts.errored} could not run` : ''}\n`,
    );
    printCoverage(coverage, io);
    if (options.junit !== undefined && !(await writeJunit(options.junit, reported, io))) {
      return 2;
    }
    return counts.errored ? 2 : counts.failed ? 1 : 0;
  },
};

function parseOptions(args: readonly string[]): Options | string {
  const options: Options = { paths: [], coverage: false };
  let reporter: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--coverage') {
      options.coverage = true;
    } else if (arg === '--reporter' || arg === '--output') {
      const value = args[++i];
      if (value === undefined) {
        return `${arg} needs a value`;
      }
      if (arg === '--reporter') {
        reporter = value;
      } else {
        options.junit = value;
      }
    } else if (arg.startsWith('-')) {
      return unknownOption(arg);
    } else {
      options.paths.push(arg);
    }
  }
  if (reporter !== undefined && reporter !== 'junit') {
    return `--reporter takes junit, not "${reporter}" (the lines on stdout are always printed)`;
  }
  if ((reporter === 'junit') !== (options.junit !== undefined)) {
    return reporter ? '--reporter junit needs --output FILE, the file to write' : '--output goes with --reporter junit';
  }
  return options;
}

async function runFile(
  file: string,
  io: CliIo,
  counts: Counts,
  coverage: Map<string, SubjectCoverage> | undefined,
): Promise<ReportedFile> {
  let text: string;
  try {
    text = await readInputFile(file, 'test file');
  } catch (err) {
    const cause = oneLine(describeError(err).cause);
    io.err(`oew test: ${cause}\n`);
    counts.errored++;
    return { file, outcomes: [], blocked: cause };
  }
  const folder = path.dirname(file);
  const read = (relative: string) => readInputFile(path.resolve(folder, relative), 'input');
  const run = await runTestFile(text, read, () => Promise.resolve(compileFilter), { coverage: coverage !== undefined });
  const places = placesIn(file, text);
  for (const problem of run.parsed.problems) {
    io.err(`oew test: ${places.line(problem.start, 'error', problem.message)}`);
  }
  if (run.blocked !== undefined) {
    // The whole file could not run: each of its cases counts as one that could not.
    counts.errored += Math.max(1, run.parsed.cases.length);
    return { file, outcomes: [], blocked: run.blocked };
  }
  counts.errored += run.parsed.invalid.length;
  for (const outcome of run.outcomes) {
    counts[outcome.status]++;
    for (const line of outcomeLines(file, outcome)) {
      io.out(`${oneLine(line)}\n`);
    }
  }
  if (coverage && run.coverage) {
    const subjectPath = run.coverage.path;
    const where = subjectPath === undefined ? file : path.join(folder, subjectPath);
    const known = coverage.get(where) ?? {
      lists: [],
      text: subjectPath === undefined ? text : (run.inputs.get(subjectPath) ?? ''),
    };
    known.lists.push(run.coverage.items);
    coverage.set(where, known);
  }
  return { file, outcomes: run.outcomes, invalid: run.parsed.invalid };
}

/** Per subject: the summary line, then each clause no passing case covers, at its line. */
function printCoverage(coverage: ReadonlyMap<string, SubjectCoverage>, io: CliIo): void {
  for (const [subject, { lists, text }] of [...coverage].sort(([a], [b]) => a.localeCompare(b))) {
    const items = mergeCoverageItems(lists);
    io.out(`coverage ${subject}: ${coverageSummary(items)}\n`);
    const places = placesIn(subject, text);
    for (const item of items.filter((i) => !i.covered)) {
      io.out(`       ${places.line(item.start, 'not covered', `${item.label}: ${item.missing ?? ''}`)}`);
    }
  }
}

async function writeJunit(file: string, reported: readonly ReportedFile[], io: CliIo): Promise<boolean> {
  // The JUnit writer loads only when asked for.
  const { junitReport } = await import('../core/eventTests/junitReport.js');
  try {
    await writeFile(file, junitReport(reported));
    return true;
  } catch (err) {
    io.err(`oew test: the JUnit report cannot be written to ${file}: ${oneLine(describeError(err).cause)}\n`);
    return false;
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
