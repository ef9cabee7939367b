import { TraceLine } from './matcher';

/** One trace line as plain text, for the CLI and the results view. */
export function formatTraceLine(line: TraceLine): string {
  const verdict = line.matched ? 'match   ' : 'no match';
  const event = line.event === null ? 'null' : line.event === 'missing' ? 'missing' : JSON.stringify(line.event);
  const text = `${verdict} ${line.path}: condition ${JSON.stringify(line.condition)}, event ${event} (${line.rule})`;
  return line.warning ? `${text}; warning: ${line.warning}` : text;
}
