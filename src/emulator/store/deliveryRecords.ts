import type { DeliveryAttempt, DeliveryState } from '../../core/tenancy/emulatorEvents';

/** A published message's delivery to one subscription, as the map's Send Through Emulator shows it. */
export interface OnsDeliveryRecord {
  readonly messageId: string;
  readonly topicId: string;
  readonly subscriptionId: string;
  /** Without the credentials a URL may carry. */
  readonly endpoint: string;
  state: DeliveryState;
  readonly attempts: DeliveryAttempt[];
}

/** The emulator keeps the deliveries of this many messages, dropping the oldest: a burst must not grow it without end. */
export const MAX_RECORDED_MESSAGES = 1_000;

/** The deliveries of the latest published messages, by message id. */
export class DeliveryRecords {
  private readonly byMessage = new Map<string, OnsDeliveryRecord[]>();

  add(record: OnsDeliveryRecord): void {
    const records = this.byMessage.get(record.messageId);
    if (records) {
      records.push(record);
      return;
    }
    if (this.byMessage.size >= MAX_RECORDED_MESSAGES) {
      // A Map iterates in insertion order: the first key is the oldest message.
      this.byMessage.delete(this.byMessage.keys().next().value!);
    }
    this.byMessage.set(record.messageId, [record]);
  }

  forMessage(messageId: string): readonly OnsDeliveryRecord[] {
    return this.byMessage.get(messageId) ?? [];
  }

  get messageCount(): number {
    return this.byMessage.size;
  }
}
