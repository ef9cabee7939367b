import { OutgoingRequest } from '../http/outgoingRequest';
import { InboxRecord } from './inboxRecord';
import { trimChar } from '../text/trimChar';

/**
 * Headers that describe one connection, not the message (RFC 9110 §7.6.1), plus those the
 * sender recomputes for the new connection: host and content-length. `expect` goes too, as
 * 100-continue is negotiated per hop.
 */
const PER_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'expect',
  'host',
  'content-length',
]);

/** The recorded request, to be sent again to `url`: same method, headers and body. */
export function resendRequest(record: InboxRecord, url: string): OutgoingRequest {
  const named = (record.headers.connection ?? '')
    .split(',')
    .map((token) => token.trim().toLowerCase())
    .filter(Boolean);
  const headers = Object.fromEntries(
    Object.entries(record.headers).filter(([name]) => !PER_HOP.has(name) && !named.includes(name)),
  );
  return { method: record.method, url, headers, ...(record.body.length > 0 ? { body: record.body } : {}) };
}

/** `base` + the request's path and query; a trailing slash of `base` is not doubled. */
export function forwardUrl(base: string, pathAndQuery: string): string {
  return trimChar(base, '/') + pathAndQuery;
}
