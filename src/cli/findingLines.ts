import { Finding } from '../core/text/findings';
import { lineIndex } from '../core/text/textEdits';
import { oneLine } from './cliCommands';

/**
 * How a command names a place in a file it read: FILE:LINE:COL: LABEL: MESSAGE, 1-based, one
 * line, the form editors and terminals turn into a link. A finding's label is its severity and
 * code; `more` follows its message.
 */
export function placesIn(file: string, text: string) {
  const positionAt = lineIndex(text);
  const line = (offset: number, label: string, message: string) => {
    const { line, character } = positionAt(offset);
    return `${oneLine(`${file}:${line + 1}:${character + 1}: ${label}: ${message}`)}\n`;
  };
  return {
    line,
    finding: (f: Finding, more = '') => line(f.offset, `${f.severity} ${f.code}`, f.message + more),
  };
}
