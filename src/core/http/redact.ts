import { OutgoingRequest } from './outgoingRequest';

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
    return text.replace(/\/\/([^/@:\s]*):[^/@\s]*@/, `//$1:${REDACTED}@`);
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

/** A JSON value with the values of secret-named keys hidden, at any depth. */
export function redactJson(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(redactJson);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, isSecretName(k) ? REDACTED : redactJson(v)]),
    );
  }
  return value;
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

/**
 * A request as history may keep it: secret headers, URL credentials and query values, secret
 * JSON fields, a form body's secret fields, and the known secret values anywhere, hidden.
 */
export function redactRequest(
  request: OutgoingRequest,
  secrets: readonly (string | undefined)[] = [],
): OutgoingRequest {
  const contentType = Object.entries(request.headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
  return {
    method: request.method,
    url: redactValues(redactUrl(request.url), secrets),
    headers: Object.fromEntries(
      Object.entries(redactHeaders(request.headers)).map(([k, v]) => [k, redactValues(String(v), secrets)]),
    ),
    ...(request.body
      ? { body: Buffer.from(redactValues(redactBody(request.body, contentType), secrets), 'utf8') }
      : {}),
  };
}

function redactBody(body: Buffer, contentType: string): string {
  const text = body.toString('utf8');
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
  // A body with nothing to hide keeps its own formatting.
  return redacted === JSON.stringify(parsed) ? text : redacted;
}
