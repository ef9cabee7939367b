import { createScanner, ParseError, SyntaxKind } from 'jsonc-parser';
import { parseErrorText } from '../json/parseJson';
import { Finding, finding } from './findings';

/**
 * Findings for what OCI's strict JSON parser refuses but a tolerant one reads: comments and
 * trailing commas (each with a fix that deletes it), then any other syntax error.
 */
export function syntaxFindings(text: string, tolerantErrors: readonly ParseError[]): Finding[] {
  const findings: Finding[] = [];
  const scanner = createScanner(text, false);
  let pendingComma: { offset: number } | undefined;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    const offset = scanner.getTokenOffset();
    // jsonc counts one character past the end for a block comment left open at the end of the text.
    const length = Math.min(scanner.getTokenLength(), text.length - offset);
    switch (kind) {
      case SyntaxKind.LineCommentTrivia:
      case SyntaxKind.BlockCommentTrivia:
        findings.push(
          finding(
            'comment',
            'OCI conditions are strict JSON: comments are refused. Remove the comment.',
            offset,
            length,
            [{ title: 'Remove the comment', edits: [{ offset, length, newText: '' }] }],
          ),
        );
        continue;
      case SyntaxKind.Trivia:
      case SyntaxKind.LineBreakTrivia:
        continue;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken:
        if (pendingComma) {
          findings.push(
            finding(
              'trailing-comma',
              'OCI conditions are strict JSON: a comma before a closing bracket is refused. Remove it.',
              pendingComma.offset,
              1,
              [
                {
                  title: 'Remove the trailing comma',
                  edits: [{ offset: pendingComma.offset, length: 1, newText: '' }],
                },
              ],
            ),
          );
        }
        break;
    }
    pendingComma = kind === SyntaxKind.CommaToken ? { offset } : undefined;
  }
  for (const error of tolerantErrors) {
    // An error at the end of the text (empty, or cut short) is marked there, not one past it.
    const offset = Math.min(error.offset, text.length);
    findings.push(
      finding(
        'invalid-json',
        `This is not valid JSON (${parseErrorText(error.error)}).`,
        offset,
        Math.min(Math.max(1, error.length), text.length - offset),
      ),
    );
  }
  return findings;
}

// `eventType = [...]`, `{ eventType = [...] }` or `condition = jsonencode(...)`: HCL pasted for JSON.
// Within one line, and no two runs of the same characters side by side, so each line is read
// once: `\s*` across line breaks made this cubic in the number of blank lines.
const HCL_ASSIGNMENT = /^[ \t]*(?:\{[ \t]*)?"?[A-Za-z_][\w.-]*"?[ \t]*=(?!=)/m;

/** Only asked of text that is not valid JSON, where a `key = value` line means HCL. */
export function hclAssignment(text: string): { offset: number; length: number } | undefined {
  const match = HCL_ASSIGNMENT.exec(text);
  return match ? { offset: match.index, length: match[0].length } : undefined;
}
