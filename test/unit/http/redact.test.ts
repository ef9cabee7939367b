import * as assert from 'assert';
import { redactHeaders, redactJson, redactUrl, redactValues } from '../../../src/core/http/redact';
import { redactRequest } from '../../../src/core/http/redactRequest';
import { MAX_JSON_DEPTH } from '../../../src/core/json/jsonDepth';

describe('Redaction of secrets for history and logs', () => {
  it('hides Authorization (keeping its scheme), tokens, cookies and HMAC signatures, and keeps ordinary headers', () => {
    assert.deepStrictEqual(
      redactHeaders({
        Authorization: 'Basic dXNlcjpwYXNz',
        'proxy-authorization': 'Bearer abc',
        'X-Auth-Token': 'e3b0c44298fc1c149afb',
        Cookie: 'session=1',
        'X-API-Key': 'k',
        'Content-Type': 'application/json',
        'X-Yunion-Event': 'HOST/UPDATE',
      }),
      {
        Authorization: 'Basic <redacted>',
        'proxy-authorization': 'Bearer <redacted>',
        'X-Auth-Token': '<redacted>',
        Cookie: '<redacted>',
        'X-API-Key': '<redacted>',
        'Content-Type': 'application/json',
        'X-Yunion-Event': 'HOST/UPDATE',
      },
    );
  });

  it('hides user:pass@ in URLs and secret query values, also in text that is not quite a URL', () => {
    assert.strictEqual(
      redactUrl('https://alice:pa55@hooks.example.com/x?token=abc&page=2'),
      'https://alice:<redacted>@hooks.example.com/x?token=<redacted>&page=2',
    );
    assert.strictEqual(redactUrl('see //bob:hunter2@host/path'), 'see //bob:<redacted>@host/path');
    assert.strictEqual(redactUrl('https://example.com/a'), 'https://example.com/a');
  });

  it('hides secret JSON fields at any depth and known secret values anywhere', () => {
    assert.deepStrictEqual(
      redactJson({ user: 'u', password: 'p', nested: [{ client_secret: 'c', secret_key: 'k' }] }),
      {
        user: 'u',
        password: '<redacted>',
        nested: [{ client_secret: '<redacted>', secret_key: '<redacted>' }],
      },
    );
    assert.strictEqual(redactValues('echo: s3cr3t-value!', ['s3cr3t-value', undefined]), 'echo: <redacted>!');
  });

  it('redacts a whole request: headers, URL, form and JSON bodies, and given secrets, keeping a harmless body as it was', () => {
    const request = redactRequest(
      {
        method: 'POST',
        url: 'https://u:p4ss@token.example.com/oauth2/v1/token',
        headers: { Authorization: 'Basic Y2xpZW50OnNlY3JldA==', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: Buffer.from('grant_type=client_credentials&client_secret=topsecret&scope=urn%3Aoic'),
      },
      ['topsecret'],
    );
    assert.strictEqual(request.url, 'https://u:<redacted>@token.example.com/oauth2/v1/token');
    assert.strictEqual(request.headers.Authorization, 'Basic <redacted>');
    assert.strictEqual(
      request.body?.toString(),
      'grant_type=client_credentials&client_secret=<redacted>&scope=urn%3Aoic',
    );
    const harmless = Buffer.from('{ "a": 1 }');
    assert.ok(redactRequest({ method: 'POST', url: 'http://x/', headers: {}, body: harmless }).body?.equals(harmless));
    const echoed = redactRequest(
      { method: 'POST', url: 'http://x/', headers: {}, body: Buffer.from('{"note":"pw is hunter22"}') },
      ['hunter22'],
    );
    assert.strictEqual(echoed.body?.toString(), '{"note":"pw is <redacted>"}');
  });

  it('cuts a JSON body nested past the depth limit there, rather than overflow the stack (broken-file corpus)', () => {
    const deep = Buffer.from(`${'['.repeat(20_000)}{"password":"hunter22"}${']'.repeat(20_000)}`);
    const body = redactRequest({ method: 'POST', url: 'http://x/', headers: {}, body: deep }).body!.toString();
    assert.ok(body.startsWith(`${'['.repeat(MAX_JSON_DEPTH)}"<redacted>"]`), body.slice(0, 80));
    assert.ok(!body.includes('hunter22'));
  });
});
