import * as assert from 'assert';
import { OutgoingRequest } from '../../../src/core/http/outgoingRequest';
import { TokenCache, urlCredentialsToBasic, withAuthorization } from '../../../src/core/http/requestAuth';
import { SendError } from '../../../src/core/http/sendError';
import { sendRequest } from '../../../src/core/http/sender';
import { testServer } from './testServers';

describe('Request auth', () => {
  let token: Awaited<ReturnType<typeof testServer>>;
  before(async () => {
    token = await testServer((req, res) => {
      const form = new URLSearchParams(req.body.toString());
      const good = req.headers.authorization === `Basic ${Buffer.from('client-1:cs-secret').toString('base64')}`;
      if (!good) {
        res
          .writeHead(401, { 'Content-Type': 'application/json' })
          .end('{"error":"invalid_client","error_description":"Client authentication failed."}');
        return;
      }
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ access_token: `at-${form.get('scope')}`, token_type: 'Bearer', expires_in: 3600 }));
    });
  });
  after(() => token.close());

  const request = {
    method: 'POST',
    url: 'https://oic.example.invalid/ic/api/integration/v1/flows/rest/X/1.0/',
    headers: { authorization: 'old' },
  };

  it('takes a malformed escape in URL credentials as written instead of throwing', () => {
    const request = urlCredentialsToBasic<OutgoingRequest>({
      method: 'POST',
      url: 'https://u:%zz@hooks.example.com/x',
      headers: {},
    });
    assert.strictEqual(request.url, 'https://hooks.example.com/x');
    assert.strictEqual(request.headers.Authorization, `Basic ${Buffer.from('u:%zz').toString('base64')}`);
  });

  it('adds Basic and Bearer credentials, replacing an Authorization header of any case', async () => {
    const basic = await withAuthorization(
      request,
      { kind: 'basic', username: 'int.user', password: 'pw' },
      sendRequest,
    );
    assert.deepStrictEqual(basic.headers, { Authorization: `Basic ${Buffer.from('int.user:pw').toString('base64')}` });
    const bearer = await withAuthorization(request, { kind: 'bearer', token: 'abc' }, sendRequest);
    assert.deepStrictEqual(bearer.headers, { Authorization: 'Bearer abc' });
  });

  it('gets an OAuth2 client-credentials token once (RFC 6749 §4.4) and reuses it until it expires', async () => {
    const grant = {
      kind: 'oauth2' as const,
      tokenUrl: `${token.url}/oauth2/v1/token`,
      clientId: 'client-1',
      clientSecret: 'cs-secret',
      scope: 'urn:opc:resource:consumer::all',
    };
    let now = 0;
    const cache = new TokenCache(() => now);
    const first = await withAuthorization(request, grant, sendRequest, cache);
    assert.strictEqual(first.headers.Authorization, 'Bearer at-urn:opc:resource:consumer::all');
    const call = token.received[0];
    assert.strictEqual(call.headers['content-type'], 'application/x-www-form-urlencoded');
    assert.strictEqual(
      call.body.toString(),
      'grant_type=client_credentials&scope=urn%3Aopc%3Aresource%3Aconsumer%3A%3Aall',
    );
    await withAuthorization(request, grant, sendRequest, cache);
    assert.strictEqual(token.received.length, 1, 'the cached token is reused');
    now = 3600 * 1000;
    await withAuthorization(request, grant, sendRequest, cache);
    assert.strictEqual(token.received.length, 2, 'an expired token is fetched again');
  });

  it('reports a refused client with the endpoint’s reason and never the secret', async () => {
    await assert.rejects(
      withAuthorization(
        request,
        { kind: 'oauth2', tokenUrl: `${token.url}/t`, clientId: 'client-1', clientSecret: 'wrong-secret' },
        sendRequest,
      ),
      (err: unknown) =>
        err instanceof SendError &&
        err.failure === 'auth' &&
        /gave no access token \(invalid_client: Client authentication failed\.\)/.test(err.message) &&
        !err.message.includes('wrong-secret'),
    );
  });
});
