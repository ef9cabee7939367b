import { format } from 'jsonc-parser';
import { tooDeepAt } from '../json/jsonDepth';
import { TextEdit } from '../text/textEdits';

/** No edits for a condition too deep to check: its indentation alone would grow with the square of its depth. */
export function formatCondition(text: string, options: { tabSize: number; insertSpaces: boolean }): TextEdit[] {
  if (tooDeepAt(text) !== undefined) {
    return [];
  }
  return format(text, undefined, { ...options, eol: text.includes('\r\n') ? '\r\n' : '\n' }).map((e) => ({
    offset: e.offset,
    length: e.length,
    newText: e.content,
  }));
}
