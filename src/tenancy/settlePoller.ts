import { settleDelay } from '../core/tenancy/settling';
import type { ContainerNode } from '../core/tenancy/resourceNodes';
import { Disposable } from '../platform/disposable';

interface Poll {
  timer?: ReturnType<typeof setTimeout>;
  attempt: number;
  started: number;
  /** When the last poll was made, or the first was asked for. */
  last: number;
}

/** A poll chain that has not been asked to go on for this long is over: the next starts afresh. */
const EPISODE_GAP_MS = 60_000;

/**
 * Reads a list again, with backoff, while a row of it is in a state OCI leaves by itself
 * (CREATING, DELETING, a PENDING subscription), so the row settles without a manual refresh.
 * The tree asks again each time it draws such a row; a list whose rows have settled is not
 * asked for, and its polling ends. While the view is hidden, polls wait for it to show.
 */
export class SettlePoller extends Disposable {
  private readonly polls = new Map<ContainerNode, Poll>();
  private readonly waiting = new Set<ContainerNode>();

  constructor(
    private readonly refresh: (list: ContainerNode) => void,
    private readonly isVisible: () => boolean,
    private readonly now: () => number = Date.now,
  ) {
    super();
    this._register({ dispose: () => this.polls.forEach((poll) => clearTimeout(poll.timer)) });
  }

  /** 'gave up' once the list has been polled for the limit (ten minutes): the row says to refresh. */
  watch(list: ContainerNode): 'polling' | 'gave up' {
    const now = this.now();
    let poll = this.polls.get(list);
    if (poll?.timer !== undefined) {
      return 'polling';
    }
    if (!poll || now - poll.last > EPISODE_GAP_MS) {
      poll = { attempt: 0, started: now, last: now };
      this.polls.set(list, poll);
    }
    const delay = settleDelay(poll.attempt, now - poll.started);
    if (delay === undefined) {
      return 'gave up';
    }
    const current = poll;
    current.timer = setTimeout(() => {
      current.timer = undefined;
      current.attempt++;
      current.last = this.now();
      if (this.isVisible()) {
        this.refresh(list);
      } else {
        this.waiting.add(list);
      }
    }, delay);
    return 'polling';
  }

  /** The view shows again: the polls that came due while it was hidden are made now. */
  resume(): void {
    const due = [...this.waiting];
    this.waiting.clear();
    due.forEach((list) => this.refresh(list));
  }
}
