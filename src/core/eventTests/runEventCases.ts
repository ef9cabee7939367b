import { ruleCondition, ruleConditionValue } from '../condition/checkDocument';
import { formatTraceLine } from '../condition/formatTrace';
import { compile, Matcher } from '../condition/matcher';
import { isJsonObject } from '../json/isJsonObject';
import { parseJson } from '../json/parseJson';
import { conditionClauses } from './conditionClauses';
import { ConditionCoverage } from './conditionCoverage';
import type { SubjectCoverage } from './coverage';
import type { ParsedTestFile, Span, TestCaseSpec } from './testFile';

export interface CaseOutcome {
  readonly name: string;
  /** `errored`: the case could not run (its input cannot be read); it neither passed nor failed. */
  readonly status: 'passed' | 'failed' | 'errored';
  readonly expected: TestCaseSpec['expect'];
  readonly actual?: TestCaseSpec['expect'];
  /** Why it failed or errored, in a line. */
  readonly message?: string;
  /** For a failure: the matcher's trace, the deciding clause first. */
  readonly trace?: readonly string[];
  /**
   * For a failure: the clause that decided it, in the subject's file (the test file for an inline
   * condition); the whole condition or filter when no one clause did.
   */
  readonly decidedAt?: Span;
  readonly span: Span;
}

/** Reads a file named in the test file, by its path relative to the test file; throws an Error that says why not. */
export type ReadRelative = (path: string) => Promise<string>;

/** What running a test file's cases found: each case's outcome, and with the `coverage` option the subject's coverage. */
export interface FileRun {
  readonly outcomes: readonly CaseOutcome[];
  readonly coverage?: SubjectCoverage;
}

export interface RunOptions {
  /** Whether to work out the subject's clause coverage, which costs a trace per passing case. */
  readonly coverage?: boolean;
}

type Subject = NonNullable<ParsedTestFile['subject']>;

/** Every case of a file errored with one reason: its subject could not be read, or cannot run. */
export function erroredAll(file: ParsedTestFile, message: string): FileRun {
  return {
    outcomes: file.cases.map((c) => ({ name: c.name, status: 'errored', expected: c.expect, message, span: c.span })),
  };
}

/** A condition to match with, and its text as written with where that text is in the subject's file. */
interface ConditionSource {
  readonly value: unknown;
  readonly text: string;
  readonly place: (span: Span) => Span;
}

/**
 * Runs the event cases of a test file whose subject is a rule document or a condition. The
 * subject is read once; a subject that cannot be read errors every case with the same reason.
 */
export async function runEventCases(
  file: ParsedTestFile,
  read: ReadRelative,
  options: RunOptions = {},
): Promise<FileRun> {
  const subject = file.subject;
  if (!subject || subject.kind === 'filter') {
    return { outcomes: [] };
  }
  let match: Matcher;
  let source: ConditionSource;
  try {
    source = await conditionOf(subject, read);
    match = compile(source.value);
  } catch (err) {
    return erroredAll(file, `The ${subject.kind} cannot be read: ${(err as Error).message}`);
  }
  const coverage = options.coverage ? new ConditionCoverage(source.text, source.place) : undefined;
  const locate = clauseLocator(source);
  const outcomes: CaseOutcome[] = [];
  for (const spec of file.cases) {
    outcomes.push(await runCase(spec, { match, locate, coverage }, read));
  }
  return {
    outcomes,
    ...(coverage
      ? { coverage: { ...('path' in subject ? { path: subject.path } : {}), items: coverage.items() } }
      : {}),
  };
}

async function conditionOf(subject: Subject, read: ReadRelative): Promise<ConditionSource> {
  const same = (span: Span) => span;
  if ('inline' in subject) {
    const base = subject.span.start;
    return { value: subject.inline, text: subject.text, place: (s) => ({ start: s.start + base, end: s.end + base }) };
  }
  const text = await read(subject.path);
  const value = parsed(text, subject.path, subject.kind === 'rule' ? 'rule document' : 'condition');
  if (subject.kind !== 'rule') {
    return { value, text, place: same };
  }
  const condition = ruleConditionValue(value);
  const node = ruleCondition(text)?.node;
  if (condition === undefined || !node) {
    throw new Error(`${subject.path} has no "condition".`);
  }
  const whole = { start: node.offset, end: node.offset + node.length };
  return node.type === 'string'
    ? // The API's form, JSON inside a string: every clause is shown on the whole string.
      { value: condition, text: node.value as string, place: () => whole }
    : {
        value: condition,
        text: text.slice(whole.start, whole.end),
        place: (s) => ({ start: s.start + whole.start, end: s.end + whole.start }),
      };
}

/** Where a clause is, by its path in the trace; the whole condition for none. Worked out on the first failure. */
function clauseLocator(source: ConditionSource): (path?: string) => Span {
  let spans: Map<string, Span> | undefined;
  return (path) => {
    spans ??= new Map(
      conditionClauses(source.text).map(({ path, property }) => [
        path,
        source.place({ start: property.offset, end: property.offset + property.length }),
      ]),
    );
    return (path !== undefined && spans.get(path)) || source.place({ start: 0, end: source.text.length });
  };
}

interface CaseContext {
  readonly match: Matcher;
  readonly locate: (path?: string) => Span;
  readonly coverage: ConditionCoverage | undefined;
}

async function runCase(
  spec: TestCaseSpec,
  { match, locate, coverage }: CaseContext,
  read: ReadRelative,
): Promise<CaseOutcome> {
  const base = { name: spec.name, expected: spec.expect, span: spec.span };
  const event = await readEvent(spec, read);
  if ('error' in event) {
    return { ...base, status: 'errored', message: event.error };
  }
  const result = match(event.event);
  const actual = result.matched ? 'match' : 'no match';
  if (actual === spec.expect) {
    coverage?.record(actual, result.trace);
    return { ...base, status: 'passed', actual };
  }
  // The clause that decided: for "no match", the first that failed; for a match, every clause held.
  const failing = result.trace.filter((line) => !line.matched);
  const trace = [...failing, ...result.trace.filter((line) => line.matched)].map(formatTraceLine);
  return {
    ...base,
    status: 'failed',
    actual,
    message: failing[0]
      ? `Expected "${spec.expect}", got "${actual}": ${failing[0].path} is ${JSON.stringify(failing[0].event)}, and the condition wants ${JSON.stringify(failing[0].condition)}.`
      : `Expected "${spec.expect}", got "${actual}": every clause of the condition holds for this event.`,
    trace,
    decidedAt: locate(failing[0]?.path),
  };
}

/** A case's event, read and parsed, or why it cannot be. */
export async function readEvent(
  spec: TestCaseSpec,
  read: ReadRelative,
): Promise<{ event: Readonly<Record<string, unknown>> } | { error: string }> {
  let event: unknown;
  try {
    event = 'inline' in spec.input ? spec.input.inline : parsed(await read(spec.input.path), spec.input.path, 'event');
  } catch (err) {
    return { error: `The event cannot be read: ${(err as Error).message}` };
  }
  return isJsonObject(event) ? { event } : { error: 'The event is not a JSON object.' };
}

/** A file's JSON, or an Error that says where it is not JSON. */
export function parsed(text: string, path: string, what: string): unknown {
  const result = parseJson(text, path, { what });
  if (!result.ok) {
    throw new Error(result.error);
  }
  return result.value;
}
