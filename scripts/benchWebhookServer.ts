import { mkdtempSync, rmSync } from 'fs';
import * as http from 'http';
import { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { startInbox } from '../src/core/inbox/inboxServer';
import { sendRequest } from '../src/core/http/sender';

/**
 * The server side of `npm run bench -- webhooks`, in a process of its own so that it never
 * shares an event loop with the load generator: `bare` (a Node http server that does nothing)
 * or `inbox` (the webhook inbox as the extension runs it, persisting to a folder). It tells the
 * parent its port, and on request how many requests it has recorded.
 */
async function main(mode: string): Promise<void> {
  let count = 0;
  let close: () => Promise<void>;
  let port: number;
  if (mode === 'bare') {
    const server = http.createServer((_req, res) => {
      count++;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'oew-bench-inbox-'));
    const inbox = await startInbox({ send: sendRequest, storageDir: dir });
    inbox.onRecord((event) => {
      if (event.kind === 'added') {
        count++;
      }
    });
    port = inbox.port;
    close = async () => {
      await inbox.close();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  process.on('message', (message: string) => {
    if (message === 'count') {
      process.send!({ count });
    } else if (message === 'heap') {
      (globalThis as { gc?: () => void }).gc?.();
      process.send!({ heap: process.memoryUsage().heapUsed / 1024 / 1024 });
    } else if (message === 'close') {
      void close().then(() => process.exit(0));
    }
  });
  process.send!({ port });
}

void main(process.argv[2] ?? 'bare');
