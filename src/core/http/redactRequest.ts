import { OutgoingRequest } from './outgoingRequest';
import { redactBody, redactHeaders, redactUrl, redactValues } from './redact';

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
      ? { body: Buffer.from(redactValues(redactBody(request.body.toString('utf8'), contentType), secrets), 'utf8') }
      : {}),
  };
}
