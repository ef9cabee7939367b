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

/**
 * 0-based line and character of offsets into one text, counting \r\n, \r and \n as line breaks.
 * The line starts are found once, so placing each of many findings is a binary search rather
 * than a scan from the start of the text.
 */
export function lineIndex(text: string): (offset: number) => { line: number; character: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      starts.push(i + 1);
    }
  }
  return (offset) => {
    const line = lastAtOrBefore(starts, offset);
    return { line, character: offset - starts[line] };
  };
}

/** The index of the last of ascending `starts` (the first is 0 or less) at or before `value`. */
export function lastAtOrBefore(starts: readonly number[], value: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= value) {
      low = middle;
    } else {
      high = middle - 1;
    }
  }
  return low;
}
