import * as assert from 'assert';
import { parseSavedRequest, savedRequestText } from '../../../src/core/sender/savedRequest';
import { redactFormUrl, redactSenderRequest } from '../../../src/core/sender/redactSenderRequest';
import { historyEntry } from '../../../src/core/sender/senderHistory';
import {
  checkSenderRequest,
  MAX_SENDER_BODY_CHARS,
  MAX_SENDER_HEADERS,
  MAX_SENDER_TEXT_CHARS,
} from '../../../src/core/sender/senderRequestCheck';
import { emptySenderRequest, SenderRequest } from '../../../src/core/sender/senderTypes';
import { prettyBody, senderResponse, MAX_SHOWN_CHARS } from '../../../src/core/sender/senderResponse';
import { checkProfileCheckViewMessage } from '../../../src/protocol/profileCheckMessageCheck';
import { checkSenderViewMessage } from '../../../src/protocol/senderMessageCheck';

const VALID: SenderRequest = {
  ...emptySenderRequest(),
  url: 'https://user:hunter22@hooks.example/x?token=abc',
  headers: [{ name: 'Authorization', value: 'Bearer tok-9999', enabled: true }],
  auth: { kind: 'basic', username: 'ann' },
};

describe('sender panel messages and requests, as input nobody vouches for', () => {
  it('accepts every well-formed message and keeps only the known parts', () => {
    const message = checkSenderViewMessage({ type: 'send', request: { ...VALID, extra: 1 }, secrets: { auth: 'pw' } });
    assert.strictEqual(message.type, 'send');
    assert.ok(message.type === 'send' && !('extra' in message.request));
    assert.deepStrictEqual(checkSenderViewMessage({ type: 'ready' }), { type: 'ready' });
  });

  it('rejects malformed messages with the path of the wrong part', () => {
    const cases: [unknown, RegExp][] = [
      [null, /message must be an object/],
      [{ type: 'exec', command: 'rm' }, /message\.type must be one of/],
      [{ type: 'send', request: { ...VALID, url: 42 }, secrets: {} }, /request\.url must be a string/],
      [{ type: 'send', request: { ...VALID, template: 'evil' }, secrets: {} }, /request\.template must be one of/],
      [{ type: 'send', request: { ...VALID, auth: { kind: 'basic' } }, secrets: {} }, /request\.auth\.username/],
      [{ type: 'burst', request: VALID, secrets: {}, count: 1e9, concurrency: 1 }, /count must be a whole number/],
      [{ type: 'burst', request: VALID, secrets: {}, count: 5, concurrency: 0.5 }, /concurrency/],
      [{ type: 'replay' }, /id must be a string/],
      [{ type: 'replay', id: 'x' }, /send must be true or false/],
    ];
    for (const [value, expected] of cases) {
      assert.throws(() => checkSenderViewMessage(value), expected, JSON.stringify(value));
    }
  });

  it('refuses a 200 MB body, a million headers and a huge URL, saying the limit and the size', () => {
    const send = (request: SenderRequest) => () => checkSenderViewMessage({ type: 'send', request, secrets: {} });
    assert.throws(
      send({ ...VALID, body: 'x'.repeat(200 * 1024 * 1024) }),
      /request\.body must be at most 10,485,760 characters \(it has 209,715,200\)/,
    );
    const header = { name: 'a', value: 'b', enabled: true };
    assert.throws(
      send({ ...VALID, headers: Array.from({ length: 1_000_000 }, () => header) }),
      /request\.headers must be a list of at most 200 \(it has 1,000,000\)/,
    );
    assert.throws(
      send({ ...VALID, url: `https://x/${'a'.repeat(MAX_SENDER_TEXT_CHARS)}` }),
      /request\.url must be at most/,
    );
    const atLimit = {
      ...VALID,
      body: 'x'.repeat(MAX_SENDER_BODY_CHARS),
      headers: Array(MAX_SENDER_HEADERS).fill(header),
    };
    assert.strictEqual(checkSenderViewMessage({ type: 'send', request: atLimit, secrets: {} }).type, 'send');
  });

  it('checks the profile check panel’s messages too: null or an unknown type is refused, not thrown on', () => {
    assert.deepStrictEqual(checkProfileCheckViewMessage({ type: 'recheck', extra: 1 }), { type: 'recheck' });
    assert.throws(() => checkProfileCheckViewMessage(null), /message must be an object/);
    assert.throws(
      () => checkProfileCheckViewMessage({ type: 'exec' }),
      /message\.type must be one of ready, recheck, openConfigFile/,
    );
    assert.throws(() => checkProfileCheckViewMessage({ type: 7 }), /message\.type must be a string/);
  });

  it('keeps no secret in a history entry: URL credentials, secret query values, headers, typed secrets', () => {
    const entry = historyEntry(
      'id',
      new Date(0),
      { ...VALID, body: '{"note":"pw-secret-1"}' },
      {
        method: 'POST',
        url: VALID.url,
        headers: { Authorization: 'Basic YW5uOnB3LXNlY3JldC0x', 'X-Api-Key': 'k-1234' },
        body: Buffer.from('{"password":"p"}'),
      },
      ['pw-secret-1'],
      { error: 'server said pw-secret-1 is wrong' },
    );
    const text = JSON.stringify(entry);
    for (const secret of ['hunter22', 'tok-9999', 'YW5uOnB3LXNlY3JldC0x', 'k-1234', 'pw-secret-1', 'token=abc']) {
      assert.ok(!text.includes(secret), `${secret} is in ${text}`);
    }
    assert.match(entry.sent.headers.Authorization, /^Basic <redacted>$/);
  });

  it('hides secrets in the form as typed, keeping {{variables}} and references to secrets as they are', () => {
    const shared = redactSenderRequest({
      ...emptySenderRequest(),
      url: '{{base}}/{{Tenant}}/x?token=abc&id={{uuid}}&code={{env:CODE}}',
      headers: [
        { name: 'Authorization', value: 'Bearer {{env:TOKEN}}', enabled: true },
        { name: 'X-Api-Key', value: 'literal-key-1', enabled: true },
      ],
    });
    assert.strictEqual(shared.url, '{{base}}/{{Tenant}}/x?token=<redacted>&id={{uuid}}&code={{env:CODE}}');
    assert.deepStrictEqual(
      shared.headers.map((h) => h.value),
      ['Bearer {{env:TOKEN}}', '<redacted>'],
    );
    assert.strictEqual(redactFormUrl('https://ann:pw@{{host}}/x'), 'https://ann:<redacted>@{{host}}/x');
    // The same redaction as the CLI's: a password holding `/` is hidden too, a variable is kept.
    assert.strictEqual(
      redactFormUrl('https://ann:p/w@{{host}}/x?token={{env:T}}&api_key=k1'),
      'https://ann:<redacted>@{{host}}/x?token={{env:T}}&api_key=<redacted>',
    );
  });

  it('saves a request to share in git without secrets, and reads it back', () => {
    const text = savedRequestText(VALID);
    assert.ok(!text.includes('hunter22') && !text.includes('tok-9999'));
    const back = parseSavedRequest(text, '.oew/requests/x.json');
    assert.strictEqual(back.template, 'oci-event');
    assert.deepStrictEqual(back.auth, { kind: 'basic', username: 'ann' });
    assert.throws(() => parseSavedRequest('{"template": 1', 'f.json'), /f\.json, line 1/);
    assert.throws(() => parseSavedRequest('{"template": "nope"}', 'f.json'), /f\.json: the saved request\.template/);
  });

  it('round-trips every template id and auth kind through the check', () => {
    const request = checkSenderRequest({ ...VALID, auth: { kind: 'oci', profile: 'DEFAULT' } });
    assert.deepStrictEqual(request.auth, { kind: 'oci', profile: 'DEFAULT' });
  });
});

describe('sender responses as the panel shows them', () => {
  const base = {
    status: 200,
    statusText: 'OK',
    timings: { dns: 1, connect: 2, firstByte: 5, total: 6 },
    size: 0,
    truncated: false,
    url: 'http://127.0.0.1/',
    redirects: [],
    viaProxy: false,
  };

  it('pretty-prints JSON, leaves XML and text as sent, and describes binary bodies', () => {
    assert.deepStrictEqual(prettyBody(Buffer.from('{"a":[1]}')), { text: '{\n  "a": [\n    1\n  ]\n}', kind: 'json' });
    assert.strictEqual(prettyBody(Buffer.from('<a><b/></a>')).kind, 'xml');
    assert.deepStrictEqual(
      prettyBody(Buffer.from('<img src=x onerror=alert(1)>')).text,
      '<img src=x onerror=alert(1)>',
    );
    assert.deepStrictEqual(prettyBody(Buffer.from([0xff, 0xfe, 0x00])), {
      text: '<3 bytes of binary data>',
      kind: 'binary',
    });
    assert.strictEqual(prettyBody(Buffer.alloc(0)).kind, 'empty');
  });

  it('lists the timing phases that happened and cuts a huge body for display, keeping its size', () => {
    const big = Buffer.from('x'.repeat(MAX_SHOWN_CHARS + 10));
    const shown = senderResponse({ ...base, headers: { a: ['1', '2'] }, body: big, size: big.length });
    assert.deepStrictEqual(
      shown.timings.map((t) => t.phase),
      ['DNS', 'Connect', 'First byte', 'Total'],
    );
    assert.deepStrictEqual(shown.headers, [
      ['a', '1'],
      ['a', '2'],
    ]);
    assert.strictEqual(shown.body.length, MAX_SHOWN_CHARS);
    assert.ok(shown.cutForDisplay);
    assert.strictEqual(shown.size, MAX_SHOWN_CHARS + 10);
  });
});
