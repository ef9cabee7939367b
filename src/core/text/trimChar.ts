/**
 * `text` without the runs of `char` at its end (or both ends), by a loop: `/x+$/` retries the
 * run from each of its characters, which is quadratic on a long run that is not at the end.
 */
export function trimChar(text: string, char: string, ends: 'end' | 'both' = 'end'): string {
  let start = 0;
  let end = text.length;
  while (end > 0 && text[end - 1] === char) {
    end--;
  }
  while (ends === 'both' && start < end && text[start] === char) {
    start++;
  }
  return text.slice(start, end);
}
