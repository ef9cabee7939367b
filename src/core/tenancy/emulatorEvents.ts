import { UserError } from '../errors/userError';
import type { OciClients } from '../oci/ociClients';
import { isJsonObject } from '../json/isJsonObject';
import { trimChar } from '../text/trimChar';

/** How long the emulator has to answer: it is on this machine, and answers at once. */
const ANSWER_TIMEOUT_MS = 10_000;

/** The emulator's own words, as much as a message has room for. */
function shortMessage(message: unknown): string | undefined {
  return typeof message === 'string' ? message.slice(0, 300) : undefined;
}

/** A rule the emulator ran an event through, and the topics it published the event to. */
export interface EmulatorMatch {
  readonly ruleId: string;
  readonly displayName: string;
  readonly topics: readonly string[];
  /** Each topic's message, whose deliveries emulatorDeliveries reads. */
  readonly messages?: readonly { readonly topicId: string; readonly messageId: string }[];
}

/** One try of a delivery: the endpoint's status (0 when it could not be reached), how long it took, and when. */
export interface DeliveryAttempt {
  readonly status: number;
  readonly ms: number;
  readonly at: string;
}

/** Where a delivery is: still retrying, answered with a 2xx, or given up after its retry window. */
export type DeliveryState = 'delivering' | 'delivered' | 'gave up';

/** One HTTP delivery of a message, with each attempt, as GET /_emulator/deliveries tells it. */
export interface EmulatorDelivery {
  readonly messageId: string;
  readonly topicId: string;
  readonly subscriptionId: string;
  readonly endpoint: string;
  readonly state: DeliveryState;
  readonly attempts: readonly DeliveryAttempt[];
}

/**
 * Emits an event into the emulator at `endpoint` as if it happened in `compartmentId`, which the
 * rules there see: the emulator runs every rule as OCI would and publishes to their topics.
 */
export async function emitEmulatorEvent(
  endpoint: string,
  event: Readonly<Record<string, unknown>>,
  compartmentId: string,
): Promise<EmulatorMatch[]> {
  const placed = {
    ...event,
    extensions: { ...(isJsonObject(event.extensions) ? event.extensions : {}), compartmentId },
    data: { ...(isJsonObject(event.data) ? event.data : {}), compartmentId },
  };
  const response = await fetch(`${trimChar(endpoint, '/')}/_emulator/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(placed),
    signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
  });
  const body = (await response.json().catch(() => ({}))) as { matchedRules?: EmulatorMatch[]; message?: string };
  if (!response.ok || !body.matchedRules) {
    throw new UserError(
      `The emulator refused the event: ${shortMessage(body.message) ?? response.status}.`,
      'Is the profile’s endpoint the emulator?',
    );
  }
  return body.matchedRules;
}

/**
 * emitEmulatorEvent with each matched rule's topics by name, as the service names them (by OCID
 * when a topic cannot be read). `names` keeps the names read, for a caller that emits again.
 */
export async function emitNamedEmulatorEvent(
  clients: Pick<OciClients, 'getTopic'>,
  endpoint: string,
  event: Readonly<Record<string, unknown>>,
  compartmentId: string,
  names = new Map<string, string>(),
): Promise<EmulatorMatch[]> {
  const matches = await emitEmulatorEvent(endpoint, event, compartmentId);
  for (const topicId of new Set(matches.flatMap((m) => m.topics))) {
    if (!names.has(topicId)) {
      names.set(
        topicId,
        await clients.getTopic(topicId).then(
          (t) => t.name,
          () => topicId,
        ),
      );
    }
  }
  return matches.map((m) => ({ ...m, topics: m.topics.map((t) => names.get(t) ?? t) }));
}

/** The deliveries the emulator made of one message so far, as GET /_emulator/deliveries tells them. */
export async function emulatorDeliveries(endpoint: string, messageId: string): Promise<EmulatorDelivery[]> {
  const response = await fetch(
    `${trimChar(endpoint, '/')}/_emulator/deliveries?messageId=${encodeURIComponent(messageId)}`,
    { signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS) },
  );
  const body = (await response.json().catch(() => ({}))) as { items?: EmulatorDelivery[]; message?: string };
  if (!response.ok || !Array.isArray(body.items)) {
    throw new UserError(
      `The emulator did not say how message ${messageId} was delivered: ${shortMessage(body.message) ?? response.status}.`,
      'Is the emulator still running? Start it again, then send the event again.',
    );
  }
  // Each delivery's attempts as the emulator made them: at most its retries, kept short all the same.
  return body.items.map((d) => ({ ...d, attempts: d.attempts.slice(-20) }));
}
