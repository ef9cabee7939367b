import { readFileSync } from 'fs';
import * as http from 'http';
import * as https from 'https';
import { AddressInfo } from 'net';
import * as path from 'path';
import { REPO_ROOT } from '../fixtures';

export const TLS_DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'tls');
export const TEST_CA = readFileSync(path.join(TLS_DIR, 'ca.pem'), 'utf8');

export interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export type Handler = (request: Received, response: http.ServerResponse) => void;

/** A real server on 127.0.0.1 that records what it receives; `tls` serves the test CA's certificate. */
export async function testServer(
  handler: Handler,
  options: { tls?: boolean } = {},
): Promise<{ url: string; port: number; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const listener: http.RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      received.push(request);
      handler(request, res);
    });
  };
  const server = options.tls
    ? https.createServer(
        {
          key: readFileSync(path.join(TLS_DIR, 'server.key')),
          cert: readFileSync(path.join(TLS_DIR, 'server.pem')),
        },
        listener,
      )
    : http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
