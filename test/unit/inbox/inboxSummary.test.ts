import * as assert from 'assert';
import { inboxEntryText } from '../../../src/core/inbox/inboxEntryText';
import { InboxRecord } from '../../../src/core/inbox/inboxRecord';
import { carriesEvent, inboxSample } from '../../../src/core/inbox/inboxSample';
import {
  inboxEntryDetails,
  inboxEntryLabel,
  inboxEntryTime,
  inboxEntrySummary,
  needsApproval,
} from '../../../src/core/inbox/inboxSummary';

function record(change: Partial<InboxRecord> & { text?: string } = {}): InboxRecord {
  const { text, ...rest } = change;
  const body = Buffer.from(text ?? '');
  return {
    id: 'id-1',
    seq: 7,
    time: new Date(2026, 10, 28, 9, 5, 3).toISOString(),
    method: 'POST',
    path: '/ons/infra-alerts',
    query: {},
    headers: { 'content-type': 'application/json' },
    body,
    bodySize: body.length,
    bodyTruncated: false,
    response: { status: 200 },
    ...rest,
  };
}

const EVENT = JSON.stringify({
  eventType: 'com.oraclecloud.computeapi.launchinstance.end',
  data: { resourceName: 'vm' },
});

describe('inbox: entry label and summary', () => {
  it('labels a request by what it is, short, else by method and path; its local time goes beside it', () => {
    assert.strictEqual(inboxEntryLabel(record()), 'POST /ons/infra-alerts');
    assert.strictEqual(inboxEntryLabel(record({ text: EVENT })), 'computeapi.launchinstance.end');
    assert.strictEqual(inboxEntryTime(record()), '09:05:03');
  });

  it('summarises a Cloudpods event by its X-Yunion-Event header first', () => {
    const cloudpods = record({ headers: { 'x-yunion-event': 'HOST/UPDATE' }, text: EVENT });
    assert.strictEqual(inboxEntrySummary(cloudpods), 'HOST/UPDATE');
  });

  it('summarises an ONS confirmation with its outcome, and a notification by the event it carries', () => {
    const confirmation = record({
      headers: { 'x-oci-ns-messagetype': 'SubscriptionConfirmation' },
      text: '{"ConfirmationURL":"https://x.example/c"}',
      confirmation: { url: 'https://x.example/c', outcome: 'needs-approval' },
    });
    assert.strictEqual(inboxEntrySummary(confirmation), 'SubscriptionConfirmation (needs approval)');
    assert.ok(needsApproval(confirmation));
    const notification = record({ headers: { 'x-oci-ns-messagetype': 'Notification' }, text: EVENT });
    assert.strictEqual(inboxEntrySummary(notification), 'com.oraclecloud.computeapi.launchinstance.end');
    const other = record({ headers: { 'x-oci-ns-messagetype': 'Notification' }, text: 'hello' });
    assert.strictEqual(inboxEntrySummary(other), 'Notification');
  });

  it('summarises a bare OCI event by its eventType and a Fusion delivery by its event element', () => {
    assert.strictEqual(
      inboxEntrySummary(record({ text: `  ${EVENT}` })),
      'com.oraclecloud.computeapi.launchinstance.end',
    );
    const fusion = record({
      headers: { 'content-type': 'text/xml' },
      text: '<?xml version="1.0"?>\n<ns01:onEvent xmlns:ns01="urn:x">\n  <ns0:InvoiceCreatedInfo xmlns:ns0="urn:y"/></ns01:onEvent>',
    });
    assert.strictEqual(inboxEntrySummary(fusion), 'InvoiceCreatedInfo');
    assert.strictEqual(inboxEntrySummary(record({ text: 'hello' })), '');
    assert.strictEqual(inboxEntrySummary(record({ text: '[1,2]' })), '');
  });

  it('details what the inbox answered and what became of the confirmation and forward', () => {
    const details = inboxEntryDetails(
      record({
        query: { a: ['1', '2'] },
        text: 'x'.repeat(10),
        response: { status: 200, autoAnswer: 'ons-confirmation' },
        confirmation: {
          url: 'http://127.0.0.1:9/c',
          outcome: 'failed',
          status: 404,
          error: 'The ConfirmationURL answered 404.',
        },
        forward: { url: 'http://127.0.0.1:3000/ons', status: 202 },
      }),
    );
    assert.deepStrictEqual(
      details.filter((l) => !l.startsWith('Received')),
      [
        'POST /ons/infra-alerts?a=1&a=2',
        'Answered 200 by itself (ONS subscription confirmation)',
        'Body: 10 bytes',
        'Subscription confirmation failed: The ConfirmationURL answered 404.',
        'Forwarded to http://127.0.0.1:3000/ons: 202',
      ],
    );
    const approval = inboxEntryDetails(
      record({ confirmation: { url: 'https://evil.example/c', outcome: 'needs-approval' } }),
    );
    assert.match(approval.at(-1)!, /needs approval: evil\.example is neither this machine nor \*\.oraclecloud\.com/);
  });
});

describe('inbox: entry document', () => {
  it('shows a JSON body pretty-printed under the request line and headers as comments', () => {
    const { text, language } = inboxEntryText(record({ query: { q: 'x y' }, text: EVENT }));
    assert.strictEqual(language, 'jsonc');
    const [head, body] = text.split('\n\n');
    assert.strictEqual(head, '// POST /ons/infra-alerts?q=x+y\n// content-type: application/json');
    assert.deepStrictEqual(JSON.parse(body), JSON.parse(EVENT));
    assert.ok(body.includes('\n  "data": {'));
  });

  it('shows any other body as text after a blank line, and names bytes that are not text', () => {
    assert.deepStrictEqual(inboxEntryText(record({ headers: { a: 'b' }, text: 'plain' })), {
      text: 'POST /ons/infra-alerts\na: b\n\nplain',
      language: 'plaintext',
    });
    const binary = record({ headers: {}, body: Buffer.from([0xff, 0xfe]), bodySize: 2 });
    assert.strictEqual(inboxEntryText(binary).text, 'POST /ons/infra-alerts\n\n(2 bytes that are not UTF-8 text)');
  });

  it('shows a JSON body nested 5,000 deep as it came, where pretty-printing overflowed the stack (fuzz counterexample)', () => {
    const deep = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
    const { text, language } = inboxEntryText(record({ text: deep }));
    assert.strictEqual(language, 'plaintext');
    assert.ok(text.endsWith(`\n\n${deep}`));
  });

  it('says when the body was cut, and does not parse what is left of it', () => {
    const cut = record({ headers: {}, text: '{"a":', bodySize: 100, bodyTruncated: true });
    assert.strictEqual(
      inboxEntryText(cut).text,
      'POST /ons/infra-alerts\n\n(the body of 100 bytes was cut at 5)\n{"a":',
    );
  });
});

describe('inbox: sample from a request', () => {
  it('takes an OCI event body, named for its event type', () => {
    assert.deepStrictEqual(inboxSample(record({ text: EVENT })), {
      name: 'com.oraclecloud.computeapi.launchinstance.end',
      event: JSON.parse(EVENT) as unknown,
    });
    assert.ok(carriesEvent(record({ text: EVENT })));
  });

  it('refuses a body that is no OCI event, or was cut', () => {
    for (const bad of [
      record({ text: '[1]' }),
      record({ text: 'x' }),
      record({ text: '{"a":1}' }),
      record({ text: '{}', bodySize: 9, bodyTruncated: true }),
    ]) {
      assert.ok(!carriesEvent(bad));
      assert.throws(() => inboxSample(bad), { name: 'UserError', message: /is not an OCI event/ });
    }
  });
});
