import { createHash, KeyObject, verify } from 'crypto';
import { IncomingHttpHeaders } from 'http';
import { notAuthenticated } from '../services/apiError';

export interface SignedRequest {
  readonly method: string;
  /** Path and query, as sent. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** The API key registered for a keyId of `tenancy/user/fingerprint`. */
export type KeyLookup = (keyId: string) => KeyObject | undefined;

/** How far the request's date may be from the emulator's clock, as the real services allow. */
const MAX_SKEW_MS = 5 * 60 * 1000;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Verifies an OCI request signature (draft-cavage-http-signatures-08, rsa-sha256), as the
 * services do: the date, (request-target) and host are always signed; requests with a body
 * also sign content-type, content-length and x-content-sha256, whose value must be the
 * body's SHA-256. Throws 401 NotAuthenticated saying which rule failed.
 */
export function verifySignature(request: SignedRequest, lookup: KeyLookup, now: Date): string {
  const authorization = header(request.headers, 'authorization');
  if (!authorization?.startsWith('Signature ')) {
    throw notAuthenticated('no Signature authorization header');
  }
  const params = parseParams(authorization.slice('Signature '.length));
  const { keyId, signature } = params;
  const algorithm = params.algorithm ?? 'rsa-sha256';
  if (!keyId || !signature || !params.headers) {
    throw notAuthenticated('the Signature header lacks keyId, headers or signature');
  }
  if (algorithm !== 'rsa-sha256') {
    throw notAuthenticated(`unsupported algorithm ${algorithm}`);
  }
  const signed = params.headers.toLowerCase().split(/\s+/).filter(Boolean);
  const required = [
    '(request-target)',
    'host',
    ...(BODY_METHODS.has(request.method) ? ['content-type', 'content-length', 'x-content-sha256'] : []),
  ];
  const dateHeader = signed.includes('x-date') ? 'x-date' : signed.includes('date') ? 'date' : undefined;
  const missing = [...required, ...(dateHeader ? [] : ['date or x-date'])].filter((h) => !signed.includes(h));
  if (missing.length) {
    throw notAuthenticated(`required headers are not signed: ${missing.join(', ')}`);
  }
  const date = Date.parse(header(request.headers, dateHeader!) ?? '');
  if (Number.isNaN(date) || Math.abs(now.getTime() - date) > MAX_SKEW_MS) {
    throw notAuthenticated('the request date is more than 5 minutes from the service clock');
  }
  if (BODY_METHODS.has(request.method)) {
    const sha = createHash('sha256').update(request.body).digest('base64');
    if (header(request.headers, 'x-content-sha256') !== sha) {
      throw notAuthenticated('x-content-sha256 does not match the body');
    }
  }
  const key = lookup(keyId);
  if (!key) {
    throw notAuthenticated(`no API key is registered for keyId ${keyId}`);
  }
  const lines = signed.map((name) => {
    if (name === '(request-target)') {
      return `(request-target): ${request.method.toLowerCase()} ${request.url}`;
    }
    const value = header(request.headers, name);
    if (value === undefined) {
      throw notAuthenticated(`signed header ${name} is missing from the request`);
    }
    return `${name}: ${value}`;
  });
  if (!verify('RSA-SHA256', Buffer.from(lines.join('\n')), key, Buffer.from(signature, 'base64'))) {
    throw notAuthenticated('the signature does not verify with the registered key');
  }
  return keyId;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function parseParams(text: string): Record<string, string> {
  const params: Record<string, string> = {};
  // Only at the start of a word: tried inside a long word too, the match would take quadratic time.
  for (const match of text.matchAll(/(?<!\w)(\w+)="([^"]*)"/g)) {
    params[match[1]] = match[2];
  }
  return params;
}
