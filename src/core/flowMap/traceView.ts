import type { InboxRecord } from '../inbox/inboxRecord';
import { inboxEntryLabel } from '../inbox/inboxSummary';
import { maskEndpoint } from '../ons/maskEndpoint';
import type { DeliveryAttempt, DeliveryState, EmulatorDelivery } from '../tenancy/emulatorEvents';
import type { TenancyFlowInput } from './flowGraph';
import { RuleVerdict, traceEvent } from './traceEvent';

/** One HTTP delivery of a traced event, as the emulator made it. */
export interface FlowDelivery {
  /** The subscription's node on the map. */
  readonly nodeId: string;
  readonly topic: string;
  /** Masked: a user name or token in the URL is never shown. */
  readonly endpoint: string;
  readonly state: DeliveryState;
  readonly attempts: readonly DeliveryAttempt[];
  /** The Webhook Inbox's entry the delivery made, when the inbox took it. */
  readonly inboxEntry?: { readonly id: string; readonly label: string };
}

/** An event followed through the map: what the rules made of it, and, once sent, what really happened. */
export interface FlowMapTrace {
  readonly label: string;
  readonly eventType: string;
  readonly path: readonly string[];
  readonly rules: readonly RuleVerdict[];
  readonly sent?: {
    readonly at: string;
    readonly compartmentId: string;
    /** The rules the emulator ran the event through and that matched, by node id. */
    readonly matched: readonly string[];
    readonly deliveries: readonly FlowDelivery[];
    /** Deliveries still under way: the map asks again until none is. */
    readonly pending: boolean;
  };
}

/** The trace of `event` as the map shows it. */
export function flowMapTrace(
  label: string,
  event: Readonly<Record<string, unknown>>,
  input: TenancyFlowInput,
): FlowMapTrace {
  const { path, rules } = traceEvent(input, event);
  return {
    label,
    eventType: typeof event.eventType === 'string' ? event.eventType : '(no eventType)',
    path: [...path],
    rules,
  };
}

/**
 * Where Send Through Emulator makes the event happen. A rule sees the events of its compartment
 * and those below, so no one place is seen by every rule of a map: the event goes where the
 * first rule the trace expects to match lives, else to the map's own compartment.
 */
export function sendCompartment(trace: FlowMapTrace, input: TenancyFlowInput, fallback: string): string {
  const matched = trace.rules.find((r) => r.matched && !r.disabled);
  const rule = matched && input.rules.find((r) => `rule:${r.rule.id}` === matched.nodeId);
  return rule?.rule.compartmentId ?? fallback;
}

/**
 * The emulator's deliveries of the event's messages, each by its subscription's node and with
 * the inbox entry it made: the inbox keeps ONS's message id header, and the path tells two
 * subscriptions of the same inbox apart.
 */
export function flowDeliveries(
  deliveries: readonly EmulatorDelivery[],
  topicNames: ReadonlyMap<string, string>,
  inbox: readonly InboxRecord[],
): FlowDelivery[] {
  return deliveries.map((d) => {
    const path = pathOf(d.endpoint);
    const record = inbox.find((r) => r.headers['x-oci-ns-messageid'] === d.messageId && (!path || r.path === path));
    return {
      nodeId: `subscription:${d.subscriptionId}`,
      topic: topicNames.get(d.topicId) ?? d.topicId,
      endpoint: maskEndpoint('HTTPS', d.endpoint),
      state: d.state,
      attempts: d.attempts,
      ...(record ? { inboxEntry: { id: record.id, label: inboxEntryLabel(record) } } : {}),
    };
  });
}

function pathOf(url: string): string | undefined {
  try {
    return new URL(url).pathname;
  } catch {
    return undefined;
  }
}
