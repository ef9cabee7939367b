import { format } from 'jsonc-parser';
import { TextEdit } from '../text/textEdits';

export function formatCondition(text: string, options: { tabSize: number; insertSpaces: boolean }): TextEdit[] {
  return format(text, undefined, { ...options, eol: text.includes('\r\n') ? '\r\n' : '\n' }).map((e) => ({
    offset: e.offset,
    length: e.length,
    newText: e.content,
  }));
}
