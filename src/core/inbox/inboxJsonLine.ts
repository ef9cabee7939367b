import { strictUtf8 } from '../text/utf8';
import { InboxRecord } from './inboxRecord';

/** A record as one line of `oew inbox` output: the record's fields, with the body readable when it is text. */
export type InboxJsonLine = Omit<InboxRecord, 'seq' | 'body'> & {
  /** The body as text when its bytes are valid UTF-8, else base64. */
  readonly body: string;
  readonly bodyEncoding?: 'base64';
};

/**
 * The JSON object for a record; the caller stringifies it. A body cut inside a multi-byte
 * character is not valid UTF-8 and comes out as base64.
 */
export function inboxJsonLine(record: InboxRecord): InboxJsonLine {
  const text = strictUtf8(record.body);
  return {
    id: record.id,
    time: record.time,
    method: record.method,
    path: record.path,
    query: record.query,
    headers: record.headers,
    ...(text === undefined ? { body: record.body.toString('base64'), bodyEncoding: 'base64' } : { body: text }),
    bodySize: record.bodySize,
    bodyTruncated: record.bodyTruncated,
    response: record.response,
    ...(record.confirmation ? { confirmation: record.confirmation } : {}),
    ...(record.forward ? { forward: record.forward } : {}),
  };
}
