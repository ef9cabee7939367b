import * as assert from 'assert';
import * as net from 'net';
import { AddressInfo } from 'net';
import { SendError } from '../../../src/core/http/sendError';
import { sendRequest } from '../../../src/core/http/sender';
import { TEST_CA, testServer } from './testServers';

type Server = Awaited<ReturnType<typeof testServer>>;

describe('HTTP sender', () => {
  const servers: Server[] = [];
  const serve = async (...args: Parameters<typeof testServer>) => {
    const server = await testServer(...args);
    servers.push(server);
    return server;
  };
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  it('sends the exact bytes and headers, and reports status, headers, body, size and timings', async () => {
    const server = await serve((_req, res) => {
      res.setHeader('X-Reply', 'yes');
      res.end('{"ok":true}');
    });
    const body = Buffer.from('{"Msg":"This is a validate message."}');
    const result = await sendRequest({
      method: 'POST',
      url: `${server.url}/hook?x=1`,
      headers: { 'Content-Type': 'application/json', 'X-Yunion-Event': 'VALIDATE' },
      body,
    });
    const received = server.received[0];
    assert.strictEqual(received.method, 'POST');
    assert.strictEqual(received.url, '/hook?x=1');
    assert.strictEqual(received.headers['content-length'], '37');
    assert.strictEqual(received.headers['x-yunion-event'], 'VALIDATE');
    assert.ok(received.body.equals(body));
    assert.strictEqual(result.status, 200);
    assert.strictEqual(result.statusText, 'OK');
    assert.strictEqual(result.headers['x-reply'], 'yes');
    assert.strictEqual(result.body.toString(), '{"ok":true}');
    assert.strictEqual(result.size, 11);
    assert.strictEqual(result.truncated, false);
    assert.strictEqual(result.timings.dns, undefined, 'an IP address needs no DNS');
    assert.ok(result.timings.connect! >= 0);
    assert.strictEqual(result.timings.tls, undefined);
    assert.ok(result.timings.firstByte <= result.timings.total);
  });

  it('times DNS when the host is a name', async () => {
    const server = await serve((_req, res) => res.end());
    const result = await sendRequest({ method: 'GET', url: `http://localhost:${server.port}/`, headers: {} });
    assert.strictEqual(result.status, 200);
    assert.ok(result.timings.dns !== undefined && result.timings.dns >= 0);
  });

  it('verifies TLS by default with a clear error, and accepts a CA bundle or, when asked, any certificate', async () => {
    const server = await serve((_req, res) => res.end('secure'), { tls: true });
    const request = { method: 'GET', url: `${server.url}/`, headers: {} };
    await assert.rejects(
      sendRequest(request),
      (err: unknown) =>
        err instanceof SendError &&
        err.failure === 'tls' &&
        /signed by a CA that is not trusted.*CA bundle/.test(err.message),
    );
    const trusted = await sendRequest(request, { tls: { ca: TEST_CA } });
    assert.strictEqual(trusted.body.toString(), 'secure');
    assert.ok(trusted.timings.tls !== undefined && trusted.timings.tls >= 0);
    assert.strictEqual((await sendRequest(request, { tls: { allowSelfSigned: true } })).status, 200);
  });

  it('gives up after the timeout, and stops at once when cancelled', async () => {
    const server = await serve(() => undefined);
    const request = { method: 'POST', url: `${server.url}/slow`, headers: {}, body: Buffer.from('x') };
    await assert.rejects(
      sendRequest(request, { timeoutMs: 150 }),
      (err: unknown) => err instanceof SendError && err.failure === 'timeout' && /within 150 ms/.test(err.message),
    );
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(
      sendRequest(request, { signal: controller.signal }),
      (err: unknown) => err instanceof SendError && err.failure === 'cancelled',
    );
  });

  it('follows redirects as fetch does, keeping credentials on their origin, or stops as the policy says', async () => {
    const other = await serve((_req, res) => res.end('landed'));
    const server = await serve((req, res) => {
      if (req.url === '/old') {
        res.writeHead(302, { Location: `${other.url}/new` }).end();
      } else if (req.url === '/keep') {
        res.writeHead(307, { Location: '/kept' }).end();
      } else if (req.url === '/loop') {
        res.writeHead(301, { Location: '/loop' }).end();
      } else {
        res.end('kept');
      }
    });
    const post = {
      method: 'POST',
      headers: { Authorization: 'Bearer t', 'Content-Type': 'text/plain' },
      body: Buffer.from('b'),
    };
    const followed = await sendRequest({ ...post, url: `${server.url}/old` });
    assert.strictEqual(followed.body.toString(), 'landed');
    assert.deepStrictEqual(followed.redirects, [{ status: 302, location: `${other.url}/new` }]);
    assert.strictEqual(other.received[0].method, 'GET', 'a 302 after a POST becomes a GET');
    assert.strictEqual(other.received[0].headers.authorization, undefined, 'credentials stay on their origin');
    await sendRequest({ ...post, url: `${server.url}/keep` });
    const kept = server.received.find((r) => r.url === '/kept')!;
    assert.strictEqual(kept.method, 'POST');
    assert.strictEqual(kept.headers.authorization, 'Bearer t');
    assert.strictEqual(kept.body.toString(), 'b');
    assert.strictEqual((await sendRequest({ ...post, url: `${server.url}/old` }, { redirect: 'manual' })).status, 302);
    await assert.rejects(
      sendRequest({ ...post, url: `${server.url}/old` }, { redirect: 'error' }),
      /redirected \(302\)/,
    );
    await assert.rejects(
      sendRequest({ ...post, url: `${server.url}/loop` }, { maxRedirects: 3 }),
      /More than 3 redirects/,
    );
  });

  it('cuts a body past the limit and says how large it was announced', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024, 0x61);
    const server = await serve((_req, res) => res.end(big));
    const result = await sendRequest(
      { method: 'GET', url: server.url, headers: {} },
      { maxResponseBytes: 1024 * 1024 },
    );
    assert.strictEqual(result.truncated, true);
    assert.strictEqual(result.size, 1024 * 1024);
    assert.strictEqual(result.body.length, 1024 * 1024);
    assert.strictEqual(result.announcedSize, big.length);
  });

  it('explains a refused connection and an invalid URL in one line', async () => {
    const closed = net.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    await assert.rejects(
      sendRequest({ method: 'POST', url: `http://127.0.0.1:${port}/`, headers: {} }),
      (err: unknown) =>
        err instanceof SendError &&
        err.failure === 'network' &&
        err.message ===
          `127.0.0.1:${port} refused the connection: is the server running on that port? Start the server, or check the port and the endpoint setting.`,
    );
    await assert.rejects(sendRequest({ method: 'GET', url: 'not a url', headers: {} }), /"not a url" is not a URL/);
    await assert.rejects(sendRequest({ method: 'GET', url: 'ftp://x/', headers: {} }), /ftp: URLs cannot be sent/);
  });

  it('sends user:pass@ in the URL as Basic credentials, as ONS does', async () => {
    const server = await serve((_req, res) => res.end());
    await sendRequest({ method: 'POST', url: server.url.replace('//', '//alice:s%40cret@') + '/hook', headers: {} });
    assert.strictEqual(
      server.received[0].headers.authorization,
      `Basic ${Buffer.from('alice:s@cret').toString('base64')}`,
    );
    assert.strictEqual(server.received[0].url, '/hook');
  });

  it('goes through a proxy for a remote host, and never for loopback', async () => {
    const target = await serve((_req, res) => res.end('via proxy'));
    const tunnels: string[] = [];
    const proxy = net.createServer((client) => {
      client.once('data', (head: Buffer) => {
        const [, authority] = /^CONNECT (\S+) /.exec(head.toString()) ?? [];
        tunnels.push(authority);
        const upstream = net.connect(target.port, '127.0.0.1', () => {
          client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
          upstream.pipe(client).pipe(upstream);
        });
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
      });
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    try {
      const result = await sendRequest(
        { method: 'GET', url: 'http://webhooks.example.test:8443/x', headers: {} },
        { proxy: { url: proxyUrl } },
      );
      assert.strictEqual(result.body.toString(), 'via proxy');
      assert.strictEqual(result.viaProxy, true);
      assert.deepStrictEqual(tunnels, ['webhooks.example.test:8443']);
      const direct = await sendRequest({ method: 'GET', url: target.url, headers: {} }, { proxy: { url: proxyUrl } });
      assert.strictEqual(direct.viaProxy, false);
      assert.strictEqual(tunnels.length, 1);
    } finally {
      await new Promise<void>((r) => proxy.close(() => r()));
    }
    // With the proxy gone, the failure is the proxy's, and the message says so.
    await assert.rejects(
      sendRequest(
        { method: 'GET', url: 'http://webhooks.example.test:8443/x', headers: {} },
        { proxy: { url: proxyUrl } },
      ),
      (err: SendError) =>
        err.message.startsWith(
          `The proxy ${new URL(proxyUrl).host} refused the connection to webhooks.example.test:8443.`,
        ) && /http\.proxy, HTTPS_PROXY/.test(err.message),
    );
  });
});
