import type { CompiledFilter } from '../xpath/evaluate';
import type { CaseOutcome, ReadRelative } from './runEventCases';
import type { ParsedTestFile, TestCaseSpec } from './testFile';

/**
 * Runs the payload cases of a test file whose subject is an OIC filter. `compile` is the XPath
 * engine's compileFilter, passed in so that the engine loads only where filters are tested.
 */
export async function runPayloadCases(
  file: ParsedTestFile,
  read: ReadRelative,
  compile: (text: string) => CompiledFilter,
): Promise<CaseOutcome[]> {
  const subject = file.subject;
  if (!subject || subject.kind !== 'filter' || !('path' in subject)) {
    return [];
  }
  const errorAll = (message: string) =>
    file.cases.map((c): CaseOutcome => ({
      name: c.name,
      status: 'errored',
      expected: c.expect,
      message,
      span: c.span,
    }));
  let filter: CompiledFilter;
  try {
    filter = compile(await read(subject.path));
  } catch (err) {
    return errorAll(`The filter cannot be read: ${(err as Error).message}`);
  }
  if (!filter.ok) {
    return errorAll(`The filter cannot be evaluated: ${filter.error}`);
  }
  const outcomes: CaseOutcome[] = [];
  for (const spec of file.cases) {
    outcomes.push(await runCase(spec, filter, read));
  }
  return outcomes;
}

async function runCase(
  spec: TestCaseSpec,
  filter: Extract<CompiledFilter, { ok: true }>,
  read: ReadRelative,
): Promise<CaseOutcome> {
  const base = { name: spec.name, expected: spec.expect, span: spec.span };
  let xml: string;
  try {
    xml = 'inline' in spec.input ? (spec.input.inline as string) : await read(spec.input.path);
  } catch (err) {
    return { ...base, status: 'errored', message: `The payload cannot be read: ${(err as Error).message}` };
  }
  const evaluation = filter.evaluate(xml);
  if (evaluation.error !== undefined || evaluation.value === undefined) {
    return {
      ...base,
      status: 'errored',
      message: `The payload cannot be evaluated: ${evaluation.error ?? 'no value'}`,
    };
  }
  // What each path selected: what tells a user why the filter said what it said.
  const trace = evaluation.paths.map(
    (p) =>
      `${p.path}: ${p.count} node${p.count === 1 ? '' : 's'}${p.nodes.length ? ` (${p.nodes.map((n) => JSON.stringify(n.value)).join(', ')})` : ''}`,
  );
  return evaluation.value === spec.expect
    ? { ...base, status: 'passed', actual: evaluation.value }
    : {
        ...base,
        status: 'failed',
        actual: evaluation.value,
        message: `Expected ${String(spec.expect)}, got ${String(evaluation.value)}.`,
        trace,
      };
}
