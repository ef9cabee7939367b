import { parse, ParseError, ParseErrorCode, printParseErrorCode } from 'jsonc-parser';
import { lineIndex } from '../text/textEdits';
import { tooDeepAt, tooDeepMessage } from './jsonDepth';

export type ParsedJson =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string };

/**
 * A file's JSON text as a value, or why it is not one, as `SOURCE, line L, column C: …`: never
 * JSON.parse's own message, which changes between Node versions and quotes the text around the
 * mistake (a secret, in an environments file or a body). Strict JSON by default; `lenient`
 * allows comments and trailing commas, for the project's own files under `.oew/`. Too deep a
 * text is refused before parsing, since the parsers recurse per level. `what` names the
 * document in that message.
 */
export function parseJson(
  text: string,
  source: string,
  options: { readonly what: string; readonly lenient?: boolean },
): ParsedJson {
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    return { ok: false, error: `${source}, line ${lineIndex(text)(deep).line + 1}: ${tooDeepMessage(options.what)}` };
  }
  const errors: ParseError[] = [];
  if (options.lenient) {
    const value = parse(text, errors, { allowTrailingComma: true }) as unknown;
    return errors.length ? { ok: false, error: syntaxError(text, source, errors[0]) } : { ok: true, value };
  }
  try {
    // JSON.parse for the value: jsonc-parser would set an object's prototype from a "__proto__" key.
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    parse(text, errors, { disallowComments: true });
    return { ok: false, error: syntaxError(text, source, errors[0]) };
  }
}

/** A jsonc-parser error code in words: `ValueExpected` → `value expected`. */
export function parseErrorText(code: ParseErrorCode): string {
  return printParseErrorCode(code)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

/** `error` is jsonc-parser's first: it finds every mistake JSON.parse does, but where it finds none, the text is still refused. */
function syntaxError(text: string, source: string, error: ParseError | undefined): string {
  if (!error) {
    return `${source}: not valid JSON.`;
  }
  const { line, character } = lineIndex(text)(Math.min(error.offset, text.length));
  return `${source}, line ${line + 1}, column ${character + 1}: not valid JSON (${parseErrorText(error.error)}).`;
}
