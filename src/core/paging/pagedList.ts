/** One page of a listing: its items and the token of the next page, absent after the last. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextPage?: string;
}

/**
 * A list that loads a page at a time, as a tree parent does behind its "Load more" node. Loads
 * asked for while one runs share it, so two clicks cost one call. A failed load keeps what was
 * loaded and holds the error, for the tree to show as an error node with Retry; the next
 * `loadMore` tries the same page again. After `reset`, a load still running changes nothing.
 */
export class PagedList<T> {
  private _items: readonly T[] = [];
  private next: string | undefined;
  private started = false;
  private loading: Promise<void> | undefined;
  private _error: unknown;
  private generation = 0;

  constructor(private readonly fetchPage: (page: string | undefined) => Promise<Page<T>>) {}

  get items(): readonly T[] {
    return this._items;
  }

  /** Whether another page may exist: before the first load, or while the last page named a next one. */
  get hasMore(): boolean {
    return !this.started || this.next !== undefined;
  }

  get isLoading(): boolean {
    return this.loading !== undefined;
  }

  /** The last load's failure, until a load succeeds. */
  get error(): unknown {
    return this._error;
  }

  loadMore(): Promise<void> {
    if (this.loading) {
      return this.loading;
    }
    if (!this.hasMore) {
      return Promise.resolve();
    }
    const generation = this.generation;
    const load = (async () => {
      try {
        const page = await this.fetchPage(this.next);
        if (generation === this.generation) {
          this._items = [...this._items, ...page.items];
          this.next = page.nextPage;
          this.started = true;
          this._error = undefined;
        }
      } catch (err) {
        if (generation === this.generation) {
          this._error = err;
        }
      } finally {
        if (generation === this.generation) {
          this.loading = undefined;
        }
      }
    })();
    this.loading = load;
    return load;
  }

  /** Forgets everything, for a refresh or a new filter: the next load starts at the first page. */
  reset(): void {
    this.generation++;
    this._items = [];
    this.next = undefined;
    this.started = false;
    this.loading = undefined;
    this._error = undefined;
  }
}
