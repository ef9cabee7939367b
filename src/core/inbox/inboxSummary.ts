import { isJsonObject } from '../json/isJsonObject';
import { hostOf } from '../net/hostOf';
import { strictUtf8 } from '../text/utf8';
import { InboxRecord } from './inboxRecord';

/**
 * A row's label: what the request is, short enough for the default side-bar width (an OCI
 * event type without its common `com.oraclecloud.` prefix), else `METHOD /path`.
 */
export function inboxEntryLabel(record: InboxRecord, summary = inboxEntrySummary(record)): string {
  return summary.replace(/^com\.oraclecloud\./, '') || `${record.method} ${record.path}`;
}

/** `HH:MM:SS`, in the machine's zone, as a user reads a request log. */
export function inboxEntryTime(record: InboxRecord): string {
  const time = new Date(record.time);
  return [time.getHours(), time.getMinutes(), time.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/**
 * What the request is, in a few words: the Cloudpods event, else an ONS confirmation with its
 * outcome, else the OCI event type of a JSON body (an ONS notification's body is the event),
 * else the ONS message type, else the Fusion event of an XML body. Empty when none is there.
 */
export function inboxEntrySummary(record: InboxRecord): string {
  const cloudpods = record.headers['x-yunion-event'];
  if (cloudpods) {
    return cloudpods;
  }
  const onsType = record.headers['x-oci-ns-messagetype'];
  if (onsType && record.confirmation) {
    return `${onsType} (${confirmationWord(record)})`;
  }
  return bodyEventType(record) ?? onsType ?? fusionEventName(record) ?? '';
}

/** The tooltip's lines: what the inbox answered and what became of the request since. */
/** `summary`: the row's inboxEntrySummary when the caller has it, so a body is parsed once a row. */
export function inboxEntryDetails(record: InboxRecord, summary = inboxEntrySummary(record)): string[] {
  const lines = [
    ...(summary ? [summary] : []),
    `${record.method} ${record.path}${queryText(record.query)}`,
    `Received ${record.time}`,
    `Answered ${record.response.status}${record.response.autoAnswer ? ` by itself (${AUTO_ANSWER_NAMES[record.response.autoAnswer]})` : ''}`,
    `Body: ${record.bodySize} bytes${record.bodyTruncated ? `, ${record.body.length} kept` : ''}`,
  ];
  const confirmation = record.confirmation;
  if (confirmation) {
    const detail =
      confirmation.outcome === 'needs-approval'
        ? `: ${hostOf(confirmation.url)} is neither this machine nor *.oraclecloud.com; Confirm Subscription opens it`
        : confirmation.outcome === 'failed'
          ? `: ${confirmation.error}`
          : confirmation.outcome === 'confirmed'
            ? ` (${confirmation.status})`
            : '';
    lines.push(`Subscription confirmation ${confirmationWord(record)}${detail}`);
  }
  const forward = record.forward;
  if (forward) {
    lines.push(`Forwarded to ${forward.url}: ${'status' in forward ? forward.status : forward.error}`);
  }
  return lines;
}

/** Whether the request waits for the user to open its ConfirmationURL. */
export function needsApproval(record: InboxRecord): boolean {
  return record.confirmation?.outcome === 'needs-approval';
}

const AUTO_ANSWER_NAMES: Record<NonNullable<InboxRecord['response']['autoAnswer']>, string> = {
  'ons-confirmation': 'ONS subscription confirmation',
  'cloudpods-validate': 'Cloudpods validation',
  'cloudpods-verify': 'Cloudpods verification',
};

function confirmationWord(record: InboxRecord): string {
  return record.confirmation?.outcome === 'needs-approval' ? 'needs approval' : (record.confirmation?.outcome ?? '');
}

/** Bodies do not change, and a tree redrawn often would otherwise parse each again. */
const eventTypes = new WeakMap<InboxRecord, string | undefined>();

/** The JSON body's `eventType`, which an OCI event envelope carries at its top level. */
function bodyEventType(record: InboxRecord): string | undefined {
  if (!eventTypes.has(record)) {
    const body = /^\s*\{/.test(record.body.toString('latin1', 0, 64)) ? jsonBody(record) : undefined;
    eventTypes.set(
      record,
      isJsonObject(body) && typeof body.eventType === 'string' && body.eventType ? body.eventType : undefined,
    );
  }
  return eventTypes.get(record);
}

/**
 * The element inside a Fusion delivery's `onEvent` wrapper, such as `InvoiceCreatedInfo`: its
 * local name is the nearest thing to an event name the payload holds.
 */
function fusionEventName(record: InboxRecord): string | undefined {
  const text = record.body.toString('utf8', 0, 4096);
  const match = text && /<(?:[\w.-]+:)?onEvent\b[^<>]*>\s*<(?:[\w.-]+:)?([\w.-]+)/.exec(text);
  return match ? match[1] : undefined;
}

/** The body parsed as JSON; undefined when it is not JSON, or not valid UTF-8. */
export function jsonBody(record: InboxRecord): unknown {
  const text = strictUtf8(record.body);
  if (text === undefined) {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function queryText(query: InboxRecord['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      params.append(key, one);
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
