import { formatTraceLine } from './formatTrace';
import { MISSING, TraceLine } from './matcher';
import { ConditionTestResult } from './testCondition';

/** Longest value a row shows before cutting it: a side bar is a few hundred pixels wide. */
const BRIEF_LENGTH = 32;

/** The event's name in a row: its type less the `com.oraclecloud.` every OCI type starts with, or its file's name. */
export function resultLabel(result: ConditionTestResult): string {
  const { sample } = result;
  if (sample.origin !== 'generated') {
    return sample.label.slice(sample.label.lastIndexOf('/') + 1);
  }
  return sample.label.replace(/^com\.oraclecloud\./, '');
}

/** "match · generated", "no match: bucketName · near miss": the verdict and the failing fields' names first. */
export function resultDescription(result: ConditionTestResult): string {
  const failing = [...new Set(result.trace.filter((l) => !l.matched).map((l) => fieldName(l.path)))];
  const verdict = result.matched ? 'match' : failing.length ? `no match: ${failing.join(', ')}` : 'no match';
  const kind = result.sample.nearMiss ? 'near miss' : result.sample.origin === 'generated' ? 'generated' : 'sample';
  return `${verdict} · ${kind}`;
}

/** A row's hover: what the event is, then the whole trace. */
export function resultTooltip(result: ConditionTestResult): string {
  return [...resultHeader(result), '', ...result.trace.map(formatTraceLine)].join('\n');
}

/**
 * The read-only document an event opens as: the whole trace as comments at the top, so it is
 * read beside the values it speaks of, then the event as formatted JSON.
 */
export function resultDocument(result: ConditionTestResult, conditionFile: string): string {
  const comments = [
    ...resultHeader(result),
    `Tested against ${conditionFile}: ${result.matched ? 'it matches' : 'it does not match'}.`,
    '',
    ...result.trace.map(formatTraceLine),
  ];
  return `${comments.map((c) => (c ? `// ${c}` : '//')).join('\n')}\n${JSON.stringify(result.sample.event, null, 2)}\n`;
}

function resultHeader(result: ConditionTestResult): string[] {
  const { sample } = result;
  if (sample.nearMiss) {
    return [`${sample.label}: generated to match the condition in every clause but ${sample.nearMiss}.`];
  }
  return [sample.origin === 'generated' ? `${sample.label}: generated to match the condition.` : sample.label];
}

/** A trace line as a narrow row shows it: the field's name, and the value compared with what the condition wants. */
export function traceRow(line: TraceLine): { label: string; description: string } {
  const label = fieldName(line.path);
  if (line.matched) {
    return { label, description: brief(line.event) };
  }
  const found = line.event === MISSING ? 'missing' : brief(line.event);
  return { label, description: `${found}, wants ${brief(line.condition)}` };
}

function fieldName(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}

/** A value in a row, with event types named as in the row's label. */
function brief(value: unknown): string {
  const text = (JSON.stringify(value) ?? String(value)).replaceAll('"com.oraclecloud.', '"');
  return text.length > BRIEF_LENGTH ? `${text.slice(0, BRIEF_LENGTH - 1)}…` : text;
}
