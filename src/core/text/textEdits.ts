/** Offsets into a document's text, the unit every pure analysis speaks. */
export interface TextEdit {
  readonly offset: number;
  readonly length: number;
  readonly newText: string;
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  // From the end, so earlier offsets stay valid.
  return [...edits]
    .sort((a, b) => b.offset - a.offset)
    .reduce((acc, e) => acc.slice(0, e.offset) + e.newText + acc.slice(e.offset + e.length), text);
}

/** 0-based line and character of an offset, counting \r\n, \r and \n as line breaks. */
export function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}
