import * as http from 'http';
import { AddressInfo } from 'net';

export interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** A local webhook receiver, as a user's service would be, recording what it is sent and answering `status`. */
export async function startReceiver({ status = 200 }: { status?: number } = {}): Promise<{
  url: string;
  received: Received[];
  next(): Promise<Received>;
  close(): Promise<void>;
}> {
  const received: Received[] = [];
  const waiting: ((r: Received) => void)[] = [];
  // Requests no next() has claimed yet: a delivery can arrive before the test asks for it.
  const unclaimed: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const entry = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      received.push(entry);
      const claim = waiting.shift();
      if (claim) {
        claim(entry);
      } else {
        unclaimed.push(entry);
      }
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    next: () => {
      const early = unclaimed.shift();
      return early ? Promise.resolve(early) : new Promise((resolve) => waiting.push(resolve));
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
