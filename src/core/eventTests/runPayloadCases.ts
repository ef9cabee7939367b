import type { CompiledFilter, OperandSeen } from '../xpath/evaluate';
import type { CoverageItem } from './coverage';
import { CaseOutcome, erroredAll, FileRun, ReadRelative, RunOptions } from './runEventCases';
import type { ParsedTestFile, TestCaseSpec } from './testFile';

type Compiled = Extract<CompiledFilter, { ok: true }>;

/**
 * Runs the payload cases of a test file whose subject is an OIC filter. `compile` is the XPath
 * engine's compileFilter, passed in so that the engine loads only where filters are tested.
 */
export async function runPayloadCases(
  file: ParsedTestFile,
  read: ReadRelative,
  compile: (text: string) => CompiledFilter,
  options: RunOptions = {},
): Promise<FileRun> {
  const subject = file.subject;
  if (!subject || subject.kind !== 'filter' || !('path' in subject)) {
    return { outcomes: [] };
  }
  const errorAll = (message: string) => erroredAll(file, message);
  let filter: CompiledFilter;
  try {
    filter = compile(await read(subject.path));
  } catch (err) {
    return errorAll(`The filter cannot be read: ${(err as Error).message}`);
  }
  if (!filter.ok) {
    return errorAll(`The filter cannot be evaluated: ${filter.error}`);
  }
  const seen = options.coverage ? filter.operands.map(() => ({ sawTrue: false, sawFalse: false })) : undefined;
  const outcomes: CaseOutcome[] = [];
  for (const spec of file.cases) {
    outcomes.push(await runCase(spec, filter, read, seen));
  }
  return { outcomes, ...(seen ? { coverage: { path: subject.path, items: operandItems(filter, seen) } } : {}) };
}

async function runCase(
  spec: TestCaseSpec,
  filter: Compiled,
  read: ReadRelative,
  seen: { sawTrue: boolean; sawFalse: boolean }[] | undefined,
): Promise<CaseOutcome> {
  const base = { name: spec.name, expected: spec.expect, span: spec.span };
  let xml: string;
  try {
    xml = 'inline' in spec.input ? (spec.input.inline as string) : await read(spec.input.path);
  } catch (err) {
    return { ...base, status: 'errored', message: `The payload cannot be read: ${(err as Error).message}` };
  }
  const evaluation = filter.evaluate(xml, { operands: seen !== undefined });
  if (evaluation.error !== undefined || evaluation.value === undefined) {
    return {
      ...base,
      status: 'errored',
      message: `The payload cannot be evaluated: ${evaluation.error ?? 'no value'}`,
    };
  }
  if (evaluation.value === spec.expect) {
    evaluation.operands?.forEach((operand, i) => {
      seen![i].sawTrue ||= operand.sawTrue;
      seen![i].sawFalse ||= operand.sawFalse;
    });
    return { ...base, status: 'passed', actual: evaluation.value };
  }
  // What each path selected: what tells a user why the filter said what it said.
  const trace = evaluation.paths.map(
    (p) =>
      `${p.path}: ${p.count} node${p.count === 1 ? '' : 's'}${p.nodes.length ? ` (${p.nodes.map((n) => JSON.stringify(n.value)).join(', ')})` : ''}`,
  );
  const operands = evaluation.operands ?? filter.evaluate(xml, { paths: false, operands: true }).operands ?? [];
  return {
    ...base,
    status: 'failed',
    actual: evaluation.value,
    message: `Expected ${String(spec.expect)}, got ${String(evaluation.value)}.`,
    trace,
    decidedAt: filter.decidedAt(operands, evaluation.value),
  };
}

/** A filter's coverage: each `and`/`or` operand seen both true and false by the passing cases. */
function operandItems(filter: Compiled, seen: readonly OperandSeen[]): CoverageItem[] {
  return filter.operands.map((operand, i) => {
    const { sawTrue, sawFalse } = seen[i];
    const item = { ...operand.range, label: operand.text, covered: sawTrue && sawFalse };
    return item.covered
      ? item
      : {
          ...item,
          missing:
            !sawTrue && !sawFalse
              ? 'no passing case evaluated it (the operand before it decided)'
              : `no passing case made it ${sawTrue ? 'false' : 'true'}`,
        };
  });
}
