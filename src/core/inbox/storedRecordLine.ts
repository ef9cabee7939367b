import { isJsonObject } from '../json/isJsonObject';
import { ConfirmationOutcome, ForwardOutcome, InboxRecord, InboxResponseInfo } from './inboxRecord';

/**
 * A record as one line of the records file, its body in base64. Serialised at each write, never
 * kept: keeping each line for the next compaction measured no faster (the retained strings cost
 * garbage collection), and it doubled the memory of bodies.
 */
export function storedLine(record: InboxRecord): Buffer {
  const json = JSON.stringify({
    id: record.id,
    seq: record.seq,
    time: record.time,
    method: record.method,
    path: record.path,
    query: record.query,
    headers: record.headers,
    bodySize: record.bodySize,
    bodyTruncated: record.bodyTruncated,
    response: record.response,
    confirmation: record.confirmation,
    forward: record.forward,
    body: '',
  });
  // Base64 never needs escaping, so it goes in place of the empty body at the end rather than
  // through JSON.stringify, whose scan of it took half the time of a line.
  return Buffer.from(`${json.slice(0, -3)}"${record.body.toString('base64')}"}\n`, 'utf8');
}

/** The record of one line, or undefined for a line that is damaged or not a record. */
export function parseStoredLine(line: string): InboxRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isJsonObject(value)) {
    return undefined;
  }
  const { id, seq, time, method, path, query, headers, body, bodySize, bodyTruncated, response } = value;
  if (
    typeof id !== 'string' ||
    typeof seq !== 'number' ||
    typeof time !== 'string' ||
    typeof method !== 'string' ||
    typeof path !== 'string' ||
    !isJsonObject(query) ||
    !isJsonObject(headers) ||
    typeof body !== 'string' ||
    typeof bodySize !== 'number' ||
    typeof bodyTruncated !== 'boolean' ||
    !isJsonObject(response) ||
    typeof response.status !== 'number'
  ) {
    return undefined;
  }
  return {
    id,
    seq,
    time,
    method,
    path,
    query: query as Record<string, string | string[]>,
    headers: headers as Record<string, string>,
    body: Buffer.from(body, 'base64'),
    bodySize,
    bodyTruncated,
    response: response as unknown as InboxResponseInfo,
    ...(isJsonObject(value.confirmation) ? { confirmation: value.confirmation as unknown as ConfirmationOutcome } : {}),
    ...(isJsonObject(value.forward) ? { forward: value.forward as unknown as ForwardOutcome } : {}),
  };
}
