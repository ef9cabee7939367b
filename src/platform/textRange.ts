import * as vscode from 'vscode';
import { lineIndex } from '../core/text/textEdits';

/** The editor range of an offset and length, the unit every pure analysis speaks. */
export function toRange(document: vscode.TextDocument, offset: number, length: number): vscode.Range {
  return new vscode.Range(document.positionAt(offset), document.positionAt(offset + length));
}

/** The editor range of a span of a text that is not open in an editor (a file read from disk). */
export function textRanges(text: string): (span: { start: number; end: number }) => vscode.Range {
  const at = lineIndex(text);
  const position = (offset: number) => {
    const { line, character } = at(offset);
    return new vscode.Position(line, character);
  };
  return (span) => new vscode.Range(position(span.start), position(span.end));
}
