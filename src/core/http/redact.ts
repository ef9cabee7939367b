import { isTooDeep, MAX_JSON_DEPTH } from '../json/jsonDepth';

/**
 * Secrets out of anything that is kept or shown: history, saved requests, logs, dry runs.
 * Names are matched loosely on purpose: a header or field that merely looks secret is hidden too.
 */
export const REDACTED = '<redacted>';

const SECRET_NAME =
  /authorization|token|secret|password|passwd|pwd|api[-_]?key|cookie|credential|signature|private[-_]?key/i;

/** Whether a header, body field or query parameter of this name holds a secret. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** Headers with secret values hidden; an Authorization keeps its scheme, which tells Basic from Bearer. */
export function redactHeaders<V extends string | readonly string[]>(
  headers: Readonly<Record<string, V>>,
): Record<string, V | string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]): [string, V | string] => {
      if (!isSecretName(name)) {
        return [name, value];
      }
      const scheme =
        /^authorization$|^proxy-authorization$/i.test(name) && typeof value === 'string'
          ? /^\S+\s/.exec(value)?.[0]
          : '';
      return [name, `${scheme ?? ''}${REDACTED}`];
    }),
  );
}

/** `https://user:pass@host/p?token=…` → `https://user:<redacted>@host/p?token=<redacted>`; text that is no URL is returned as it is. */
export function redactUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // What does not parse is read as free text, where a password may hold `/` or `:`.
    return redactText(text);
  }
  if (url.password) {
    url.password = REDACTED;
  }
  for (const name of [...url.searchParams.keys()]) {
    if (isSecretName(name)) {
      url.searchParams.set(name, REDACTED);
    }
  }
  return url.toString().split(encodeURIComponent(REDACTED)).join(REDACTED);
}

/**
 * Free text as it may be printed or logged (an error, a warning, an echoed option), or a URL as
 * typed: in every word, the password of `scheme://user:pass@host` (or `//user:pass@host`) hidden even when the URL does
 * not parse (the host follows the last `@`, so a password may hold `/` or `:`), the values of
 * secret-named query parameters, except those `keepValue` says name no secret (a `{{variable}}`
 * in the sender's form), and the value of a secret-named `--option=value`. A word's closing
 * quotes are not part of what it holds. One pass over the words and one over each word, so its
 * time is linear in the text whatever the text holds; a URL is never re-serialised, which would
 * escape `{{…}}`.
 */
export function redactText(text: string, keepValue: (value: string) => boolean = () => false): string {
  return text
    .split(/(\s+)/)
    .map((word) => {
      let end = word.length;
      while (end > 0 && QUOTES.includes(word[end - 1])) {
        end--;
      }
      const redacted = redactOption(redactQuery(redactPassword(word.slice(0, end)), keepValue));
      return `${redacted}${word.slice(end)}`;
    })
    .join('');
}

const QUOTES = `"'`;

function redactOption(word: string): string {
  let start = 0;
  while (start < word.length && QUOTES.includes(word[start])) {
    start++;
  }
  const equals = word.indexOf('=', start);
  if (word[start] !== '-' || equals < 0) {
    return word;
  }
  return isSecretName(word.slice(start, equals)) ? `${word.slice(0, equals + 1)}${REDACTED}` : word;
}

function redactPassword(word: string): string {
  // `//` and not `://`: a URL without its scheme (`//user:pass@host`) carries credentials too.
  const slashes = word.indexOf('//');
  if (slashes < 0) {
    return word;
  }
  const start = slashes + 2;
  const at = word.lastIndexOf('@');
  const colon = word.indexOf(':', start);
  return at > start && colon > start && colon < at ? `${word.slice(0, colon + 1)}${REDACTED}${word.slice(at)}` : word;
}

function redactQuery(word: string, keepValue: (value: string) => boolean): string {
  const query = word.indexOf('?');
  if (query < 0) {
    return word;
  }
  const [params, fragment] = splitOnce(word.slice(query + 1), '#');
  const hidden = params
    .split('&')
    .map((param) => {
      const [name, value] = splitOnce(param, '=');
      return value && isSecretName(safeDecode(name)) && !keepValue(value) ? `${name}=${REDACTED}` : param;
    })
    .join('&');
  return `${word.slice(0, query + 1)}${hidden}${fragment !== undefined ? `#${fragment}` : ''}`;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const index = text.indexOf(separator);
  return index < 0 ? [text, undefined] : [text.slice(0, index), text.slice(index + 1)];
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A JSON value with the values of secret-named keys hidden; what lies deeper than the JSON depth limit is hidden whole. */
export function redactJson(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') {
    return value;
  }
  if (depth >= MAX_JSON_DEPTH) {
    return REDACTED;
  }
  if (Array.isArray(value)) {
    return value.map((item) => redactJson(item, depth + 1));
  }
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [
      k,
      isSecretName(k) ? REDACTED : redactJson(v, depth + 1),
    ]),
  );
}

/** Every occurrence of the given secret values in a text, such as a password echoed in a reply. */
export function redactValues(text: string, secrets: readonly (string | undefined)[]): string {
  let result = text;
  for (const secret of secrets) {
    // Short values would hide ordinary words; they are kept out of history by name instead.
    if (secret && secret.length >= 4) {
      result = result.split(secret).join(REDACTED);
    }
  }
  return result;
}

/** A body's secret JSON or form fields hidden; text, so that a webview without Buffer can use it too. */
export function redactBody(text: string, contentType: string): string {
  if (/x-www-form-urlencoded/i.test(contentType)) {
    const form = new URLSearchParams(text);
    for (const name of [...form.keys()]) {
      if (isSecretName(name)) {
        form.set(name, REDACTED);
      }
    }
    return form.toString().split(encodeURIComponent(REDACTED)).join(REDACTED);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return text;
  }
  const redacted = JSON.stringify(redactJson(parsed));
  // A body with nothing to hide keeps its own formatting. One nested past the limit is cut there
  // (JSON.stringify of it whole would overflow the stack, and what lies deeper is not looked at).
  return !isTooDeep(parsed) && redacted === JSON.stringify(parsed) ? text : redacted;
}
