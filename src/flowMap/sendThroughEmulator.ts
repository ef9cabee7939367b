import type { TenancyFlowInput } from '../core/flowMap/flowGraph';
import type { FlowMapTrace } from '../core/flowMap/traceView';
import type { FlowMapCore } from '../platform/bundles';
import type { OciClients } from '../core/oci/ociClients';
import { emitNamedEmulatorEvent, emulatorDeliveries } from '../core/tenancy/emulatorEvents';
import type { InboxRecord } from '../core/inbox/inboxRecord';

/** How often the map asks the emulator how its deliveries went, and for how long at most. */
const POLL_MS = 400;
const MAX_WAIT_MS = 60_000;
/** The deliveries shown: one per ACTIVE HTTP subscription of each topic the event reached. */
const MAX_DELIVERIES = 500;

export interface SendTarget {
  readonly endpoint: string;
  readonly clients: Pick<OciClients, 'getTopic'>;
  readonly input: TenancyFlowInput;
  /** The map's compartment, where the event happens when no rule is expected to match it. */
  readonly compartmentId: string;
  readonly inbox: () => readonly InboxRecord[];
  readonly core: Pick<typeof FlowMapCore, 'flowDeliveries' | 'sendCompartment'>;
}

/**
 * Emits the traced event into the emulator, then tells `report` what happened, again after
 * each look until every delivery has ended (delivered, or given up after its retries) or a
 * minute has passed. `stopped` ends the looking early (the map was closed or traced anew).
 */
export async function sendThroughEmulator(
  target: SendTarget,
  trace: FlowMapTrace,
  event: Readonly<Record<string, unknown>>,
  report: (trace: FlowMapTrace) => void,
  stopped: () => boolean,
): Promise<void> {
  const compartmentId = target.core.sendCompartment(trace, target.input, target.compartmentId);
  const names = new Map(target.input.topics.map((t) => [t.topicId, t.name]));
  const matches = await emitNamedEmulatorEvent(target.clients, target.endpoint, event, compartmentId, names);
  const messages = matches.flatMap((m) => m.messages ?? []);
  const at = new Date().toISOString();
  const matched = matches.map((m) => `rule:${m.ruleId}`);
  const started = Date.now();
  for (;;) {
    const deliveries = (await Promise.all(messages.map((m) => emulatorDeliveries(target.endpoint, m.messageId))))
      .flat()
      .slice(0, MAX_DELIVERIES);
    const pending = deliveries.some((d) => d.state === 'delivering');
    report({
      ...trace,
      sent: {
        at,
        compartmentId,
        matched,
        deliveries: target.core.flowDeliveries(deliveries, names, target.inbox()),
        pending,
      },
    });
    if (!pending || stopped() || Date.now() - started > MAX_WAIT_MS) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
