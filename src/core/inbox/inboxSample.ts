import { UserError } from '../errors/userError';
import { isJsonObject } from '../json/isJsonObject';
import { InboxRecord } from './inboxRecord';
import { jsonBody } from './inboxSummary';

/**
 * A received body as a sample event for the rule tester, named for its event type. An ONS
 * notification's body is the OCI event envelope, so it is saved as it came.
 */
export function inboxSample(record: InboxRecord): { readonly name: string; readonly event: Record<string, unknown> } {
  const event = record.bodyTruncated ? undefined : jsonBody(record);
  if (!isJsonObject(event)) {
    throw new UserError(
      `The body of ${record.method} ${record.path} is not a JSON object${record.bodyTruncated ? ' in full: the inbox kept only part of it' : ''}, so it is no sample event.`,
      'Save a request whose body is an OCI event, such as an ONS notification of an Events rule.',
    );
  }
  const name = typeof event.eventType === 'string' && event.eventType ? event.eventType : `inbox-${record.seq}`;
  return { name, event };
}
