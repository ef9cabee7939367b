/**
 * A fixed-capacity queue that drops its oldest item when full: the inbox keeps the newest
 * deliveries without its memory growing with a platform's retries.
 */
export class RingBuffer<T> {
  private readonly slots: (T | undefined)[];
  private head = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`A ring buffer needs a whole capacity of at least 1, not ${capacity}.`);
    }
    this.slots = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Adds `item` as the newest; returns the oldest item when it had to make room for it. */
  push(item: T): T | undefined {
    const tail = (this.head + this.count) % this.capacity;
    if (this.count < this.capacity) {
      this.slots[tail] = item;
      this.count++;
      return undefined;
    }
    const dropped = this.slots[this.head];
    this.slots[this.head] = item;
    this.head = (this.head + 1) % this.capacity;
    return dropped;
  }

  /** Oldest first. */
  toArray(): T[] {
    const items = new Array<T>(this.count);
    for (let i = 0; i < this.count; i++) {
      items[i] = this.slots[(this.head + i) % this.capacity] as T;
    }
    return items;
  }

  clear(): void {
    // Emptied slots let the dropped items be collected.
    this.slots.fill(undefined);
    this.head = 0;
    this.count = 0;
  }
}
