import { InboxRecord } from './inboxRecord';
import { StorageLimits } from './inboxLimits';

/**
 * The records the inbox keeps, oldest first: the newest `capacity` of them, and of those only as
 * many as fit in `maxTotalBodyBytes` (always the newest one). A Map keeps them in the order they
 * arrived, drops the oldest in constant time, and replaces a record saved again in place.
 */
export class KeptRecords {
  private readonly byId = new Map<string, InboxRecord>();
  private bodyBytes = 0;
  /** The highest seq pushed out: a later line of such a record, read from the file, stays out. */
  private droppedSeq = 0;

  constructor(private readonly limits: StorageLimits) {}

  get size(): number {
    return this.byId.size;
  }

  /** Adds `record` as the newest, or in place of the record with its id. */
  add(record: InboxRecord): void {
    const prior = this.byId.get(record.id);
    if (!prior && record.seq <= this.droppedSeq) {
      return;
    }
    this.byId.set(record.id, record);
    this.bodyBytes += record.body.length - (prior?.body.length ?? 0);
    while (
      this.byId.size > this.limits.capacity ||
      (this.byId.size > 1 && this.bodyBytes > this.limits.maxTotalBodyBytes)
    ) {
      const oldest = this.byId.values().next().value!;
      this.byId.delete(oldest.id);
      this.bodyBytes -= oldest.body.length;
      this.droppedSeq = Math.max(this.droppedSeq, oldest.seq);
    }
  }

  all(): InboxRecord[] {
    return [...this.byId.values()];
  }

  get(id: string): InboxRecord | undefined {
    return this.byId.get(id);
  }

  /** Whether `record` itself, not a record with its id read again, is still kept. */
  has(record: InboxRecord): boolean {
    return this.byId.get(record.id) === record;
  }

  clear(): void {
    this.byId.clear();
    this.bodyBytes = 0;
  }
}
