import * as http from 'http';
import { AddressInfo } from 'net';
import { Inbox } from '../../../src/core/inbox/inboxTypes';
import { InboxEvent } from '../../../src/core/inbox/inboxRecord';

export interface Reply {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
}

/** One HTTP request as a platform would send it; header values given as arrays go out as repeated lines. */
export function request(
  url: string,
  options: {
    method?: string;
    headers?: Readonly<Record<string, string | string[]>>;
    body?: Buffer | string;
    agent?: http.Agent;
  } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: options.method ?? 'POST', headers: options.headers, agent: options.agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
}

export interface Target {
  /** http://127.0.0.1:PORT, no trailing slash. */
  readonly url: string;
  readonly received: Received[];
  /** The next request it receives, as soon as its body is in (before the delayed answer). */
  next(): Promise<Received>;
  close(): Promise<void>;
}

/** A second local server: the service the inbox forwards or replays to, or an ONS ConfirmationURL. */
export async function startTarget({
  status = 200,
  delayMs = 0,
}: { status?: number; delayMs?: number } = {}): Promise<Target> {
  const received: Received[] = [];
  const waiting: ((r: Received) => void)[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const entry = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) };
      received.push(entry);
      waiting.shift()?.(entry);
      const timer = setTimeout(() => {
        timers.delete(timer);
        res.writeHead(status).end();
      }, delayMs);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    next: () => new Promise((resolve) => waiting.push(resolve)),
    close: () =>
      new Promise((resolve) => {
        timers.forEach(clearTimeout);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The next event of the inbox that `accept` takes. */
export function nextEvent(inbox: Inbox, accept: (event: InboxEvent) => boolean): Promise<InboxEvent> {
  return new Promise((resolve) => {
    const subscription = inbox.onRecord((event) => {
      if (accept(event)) {
        subscription.dispose();
        resolve(event);
      }
    });
  });
}

/** Closes, after each test, whatever a test started. */
export function useCleanup(): <T extends { close(): Promise<void> }>(closable: T) => T {
  let open: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    const closing = open;
    open = [];
    await Promise.all(closing.map((c) => c.close()));
  });
  return (closable) => {
    open.push(closable);
    return closable;
  };
}
