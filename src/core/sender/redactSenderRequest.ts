import { redactBody, redactHeaders, redactText, redactValues } from '../http/redact';
import { SenderRequest } from './senderTypes';

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
    body: request.body && hide(redactBody(request.body, request.fields.contentType ?? '')),
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
