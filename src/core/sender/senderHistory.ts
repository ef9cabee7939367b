import { OutgoingRequest } from '../http/outgoingRequest';
import { redactHeaders, redactRequest, redactText, redactValues } from '../http/redact';
import { MAX_SHOWN_CHARS, prettyBody } from './senderResponse';
import { SenderHistoryEntry, SenderRequest } from './senderTypes';

/** History keeps this many sends, newest first. */
export const MAX_HISTORY = 50;

/** The entry for a send: the form and the request sent, both redacted by the core's helpers. */
export function historyEntry(
  id: string,
  time: Date,
  request: SenderRequest,
  sent: OutgoingRequest,
  secrets: readonly string[],
  outcome: SenderHistoryEntry['outcome'],
  burst?: number,
): SenderHistoryEntry {
  return {
    id,
    time: time.toISOString(),
    request: redactSenderRequest(request, secrets),
    sent: sentForDisplay(sent, secrets),
    outcome: 'error' in outcome ? { error: redactValues(outcome.error, secrets) } : outcome,
    ...(burst ? { burst } : {}),
  };
}

/**
 * The form without secrets, for history and for `.oew/requests/`: secret-looking header values
 * and URL credentials hidden (a user may type an Authorization header by hand), and every known
 * secret value hidden wherever it appears.
 */
export function redactSenderRequest(request: SenderRequest, secrets: readonly string[] = []): SenderRequest {
  const hide = (text: string) => redactValues(text, secrets);
  return {
    ...request,
    url: hide(redactFormUrl(request.url)),
    headers: request.headers.map((h) => ({
      ...h,
      value: onlyVariables(h.value) ? h.value : hide(String(redactHeaders({ [h.name]: h.value })[h.name])),
    })),
    fields: Object.fromEntries(Object.entries(request.fields).map(([k, v]) => [k, hide(v)])),
    body: request.body && redactedBody(request.body, request.fields.contentType ?? '', secrets),
  };
}

/**
 * `user:pass@` and secret-named query values hidden in the URL as typed, edited in place; a value
 * that is a variable (`?token={{env:TOKEN}}`) names no secret and stays.
 */
export function redactFormUrl(text: string): string {
  return redactText(text, onlyVariables);
}

/** `{{env:TOKEN}}`, or `Bearer {{token}}`: a reference to a secret, not the secret. */
function onlyVariables(value: string): boolean {
  return /^(\S+\s+)?(\{\{[^{}]+\}\}\s*)+$/.test(value.trim());
}

/** The body as the core redacts a request's: secret JSON or form fields, and known secret values. */
function redactedBody(body: string, contentType: string, secrets: readonly string[]): string {
  const request = { method: 'POST', url: 'http://body.invalid/', headers: { 'Content-Type': contentType } };
  return redactRequest({ ...request, body: Buffer.from(body, 'utf8') }, secrets).body!.toString('utf8');
}

/** The request line and headers as sent, with every secret hidden: what history keeps and the panel shows. */
export function sentForDisplay(sent: OutgoingRequest, secrets: readonly string[]): SenderHistoryEntry['sent'] {
  const redacted = redactRequest({ method: sent.method, url: sent.url, headers: sent.headers }, secrets);
  return { method: redacted.method, url: redacted.url, headers: redacted.headers };
}

/** The same with the body, for the panel only: history keeps the form's body, not the wire's. */
export function sentWithBody(
  sent: OutgoingRequest,
  secrets: readonly string[],
): SenderHistoryEntry['sent'] & { readonly body: string } {
  const body = sent.body?.length ? redactRequest(sent, secrets).body! : Buffer.alloc(0);
  const { text } = prettyBody(body);
  return { ...sentForDisplay(sent, secrets), body: text.slice(0, MAX_SHOWN_CHARS) };
}

/** History with `entry` first, at most MAX_HISTORY long. */
export function withEntry(history: readonly SenderHistoryEntry[], entry: SenderHistoryEntry): SenderHistoryEntry[] {
  return [entry, ...history].slice(0, MAX_HISTORY);
}
