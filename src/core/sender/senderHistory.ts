import { OutgoingRequest } from '../http/outgoingRequest';
import { redactValues } from '../http/redact';
import { redactRequest } from '../http/redactRequest';
import { redactSenderRequest } from './redactSenderRequest';
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
