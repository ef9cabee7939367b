/** A server run in this process: the local emulator, the webhook inbox. */
export interface Closable {
  close(): Promise<void>;
}

export interface ServerLifecycleHooks<S extends Closable> {
  /** Named in the error of a start that a stop overtook: "The webhook inbox". */
  readonly name: string;
  launch(): Promise<S>;
  /** The server is up and no stop overtook its start. */
  started(server: S): void;
  /** A stop began: what the editor shows of the server goes at once, before it has closed. */
  stopping(): void;
  closed(server: S): void;
}

/**
 * Start and stop of a server that takes a while to open and to close. Starts share one
 * launch; a stop that overtakes a start closes what that start opens; a start waits for the
 * last stop, since both may use the same files.
 */
export class ServerLifecycle<S extends Closable> {
  private running: Promise<S> | undefined;
  private current: S | undefined;
  /** Counts starts and stops, so that a start a stop overtook closes what it opened. */
  private generation = 0;
  private closing: Promise<void> = Promise.resolve();

  constructor(private readonly hooks: ServerLifecycleHooks<S>) {}

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  /** The server once its start finished, until a stop begins. */
  get server(): S | undefined {
    return this.current;
  }

  /** Starts the server, or returns the one running or starting. */
  start(): Promise<S> {
    if (!this.running) {
      const generation = ++this.generation;
      const starting = this.closing
        .then(() => this.hooks.launch())
        .then(async (server) => {
          if (generation !== this.generation) {
            await server.close();
            throw new Error(`${this.hooks.name} was stopped while it started.`);
          }
          this.current = server;
          this.hooks.started(server);
          return server;
        })
        .catch((err: unknown) => {
          if (this.running === starting) {
            this.running = undefined;
          }
          throw err;
        });
      this.running = starting;
    }
    return this.running;
  }

  /** Stops the server, waiting until it has closed; false when none ran. */
  async stop(): Promise<boolean> {
    const running = this.running;
    if (!running) {
      return false;
    }
    this.running = undefined;
    this.current = undefined;
    this.generation++;
    this.hooks.stopping();
    const closing = (async () => {
      const server = await running.catch(() => undefined);
      if (server) {
        await server.close();
        this.hooks.closed(server);
      }
    })();
    // The next start waits for this close, whether or not it succeeds.
    this.closing = closing.catch(() => undefined);
    await closing;
    return true;
  }
}
