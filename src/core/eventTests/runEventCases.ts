import { ruleConditionValue } from '../condition/checkDocument';
import { formatTraceLine } from '../condition/formatTrace';
import { compile, Matcher } from '../condition/matcher';
import { isJsonObject } from '../json/isJsonObject';
import { parseJson } from '../json/parseJson';
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
  readonly span: Span;
}

/** Reads a file named in the test file, by its path relative to the test file; throws an Error that says why not. */
export type ReadRelative = (path: string) => Promise<string>;

/**
 * Runs the event cases of a test file whose subject is a rule document or a condition. The
 * subject is read once; a subject that cannot be read errors every case with the same reason.
 */
export async function runEventCases(file: ParsedTestFile, read: ReadRelative): Promise<CaseOutcome[]> {
  const subject = file.subject;
  if (!subject || subject.kind === 'filter') {
    return [];
  }
  let match: Matcher;
  try {
    match = compile(await conditionOf(subject, read));
  } catch (err) {
    const message = `The ${subject.kind} cannot be read: ${(err as Error).message}`;
    return file.cases.map((c) => ({ name: c.name, status: 'errored', expected: c.expect, message, span: c.span }));
  }
  const outcomes: CaseOutcome[] = [];
  for (const spec of file.cases) {
    outcomes.push(await runCase(spec, match, read));
  }
  return outcomes;
}

async function conditionOf(subject: NonNullable<ParsedTestFile['subject']>, read: ReadRelative): Promise<unknown> {
  if ('inline' in subject) {
    return subject.inline;
  }
  const value = parsed(await read(subject.path), subject.path, subject.kind === 'rule' ? 'rule document' : 'condition');
  if (subject.kind === 'rule') {
    const condition = ruleConditionValue(value);
    if (condition === undefined) {
      throw new Error(`${subject.path} has no "condition".`);
    }
    return condition;
  }
  return value;
}

async function runCase(spec: TestCaseSpec, match: Matcher, read: ReadRelative): Promise<CaseOutcome> {
  const base = { name: spec.name, expected: spec.expect, span: spec.span };
  let event: unknown;
  try {
    event = 'inline' in spec.input ? spec.input.inline : parsed(await read(spec.input.path), spec.input.path, 'event');
  } catch (err) {
    return { ...base, status: 'errored', message: `The event cannot be read: ${(err as Error).message}` };
  }
  if (!isJsonObject(event)) {
    return { ...base, status: 'errored', message: 'The event is not a JSON object.' };
  }
  const result = match(event);
  const actual = result.matched ? 'match' : 'no match';
  if (actual === spec.expect) {
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
  };
}

function parsed(text: string, path: string, what: string): unknown {
  const result = parseJson(text, path, { what });
  if (!result.ok) {
    throw new Error(result.error);
  }
  return result.value;
}
