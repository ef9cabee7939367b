import { formatTraceLine } from './formatTrace';
import { MISSING, TraceLine } from './matcher';
import { ConditionTestResult } from './testCondition';

/**
 * Longest value a trace row shows before cutting it: a side bar is under 300 pixels wide by
 * default, and a trace row is indented twice.
 */
const BRIEF_LENGTH = 18;

/** The start of every OCI event type, and the service after it: a row names a type by the rest. */
const TYPE_PREFIX = /^com\.oraclecloud\.[^.]+\./;

/** The event's name in a row: its type less `com.oraclecloud.<service>.` (the tooltip has it all), or its file's name. */
export function resultLabel(result: ConditionTestResult): string {
  const { sample } = result;
  if (sample.origin !== 'generated') {
    return sample.label.slice(sample.label.lastIndexOf('/') + 1);
  }
  return sample.label.replace(TYPE_PREFIX, '');
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

/** A trace line as a narrow row shows it: the field's name and the event's value; the hover tells the rest. */
export function traceRow(line: TraceLine): { label: string; description: string } {
  return { label: fieldName(line.path), description: line.event === MISSING ? 'missing' : brief(line.event) };
}

function fieldName(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}

/** A value in a row, an event type named as in the row's label. */
function brief(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  const short = typeof value === 'string' ? JSON.stringify(value.replace(TYPE_PREFIX, '')) : text;
  return short.length > BRIEF_LENGTH ? `${short.slice(0, BRIEF_LENGTH - 1)}…` : short;
}
