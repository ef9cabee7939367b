import { UserError } from '../errors/userError';
import { isJsonObject } from '../json/isJsonObject';
import { InboxRecord } from './inboxRecord';
import { jsonBody } from './inboxSummary';

/** Whether a received request carries an OCI event: what Save as Sample is offered for. */
export function carriesEvent(record: InboxRecord): boolean {
  const body = record.bodyTruncated ? undefined : jsonBody(record);
  return isJsonObject(body) && typeof body.eventType === 'string' && body.eventType !== '';
}

/**
 * A received body as a sample event for the rule tester, named for its event type. An ONS
 * notification's body is the OCI event envelope, so it is saved as it came. Anything else (a
 * confirmation, a Cloudpods event) would be a sample no rule could match, so it is refused.
 */
export function inboxSample(record: InboxRecord): { readonly name: string; readonly event: Record<string, unknown> } {
  const event = record.bodyTruncated ? undefined : jsonBody(record);
  if (!isJsonObject(event) || !carriesEvent(record)) {
    throw new UserError(
      `The body of ${record.method} ${record.path} is not an OCI event${record.bodyTruncated ? ' in full: the inbox kept only part of it' : ' (a JSON object with an eventType)'}, so it is no sample event.`,
      'Save a request whose body is an OCI event, such as an ONS notification of an Events rule.',
    );
  }
  return { name: String(event.eventType), event };
}
