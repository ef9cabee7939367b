import * as assert from 'assert';
import fc from 'fast-check';
import { parse, ParseError } from 'jsonc-parser';
import { detectAutoAnswer, onsConfirmationUrl } from '../../src/core/inbox/autoAnswers';
import { inboxEntryText } from '../../src/core/inbox/inboxEntryText';
import { inboxJsonLine } from '../../src/core/inbox/inboxJsonLine';
import { InboxRecord } from '../../src/core/inbox/inboxRecord';
import {
  inboxEntryDetails,
  inboxEntryLabel,
  inboxEntrySummary,
  needsApproval,
} from '../../src/core/inbox/inboxSummary';
import { assertLinear, deterministic, fuzz } from './fuzzRun';
import { mutated, nested } from './textInputs';

/** Header names and values as Node's parser hands them over: no line breaks. */
const headerText = fc.string({ unit: 'binary', maxLength: 30 }).map((s) => s.replace(/[\r\n]/g, ' '));
const headers = fc.dictionary(
  fc.oneof(
    fc.constantFrom(
      'content-type',
      'x-oci-ns-messagetype',
      'x-oci-ns-confirmationurl',
      'x-yunion-event',
      'authorization',
    ),
    headerText.map((s) => s.toLowerCase()),
  ),
  fc.oneof(
    headerText,
    fc.constantFrom('SubscriptionConfirmation', 'application/json', 'VALIDATE', 'https://x/confirm?token=1'),
  ),
  { maxKeys: 6, noNullPrototype: true },
);
const bodyText = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  mutated(
    fc.constant(
      '{"ConfirmationURL":"https://cell1.notification.us-ashburn-1.oci.oraclecloud.com/x","type":"SubscriptionConfirmation"}',
    ),
  ),
  nested('[', '1', ']'),
  fc.string({ unit: 'binary', maxLength: 100 }),
);
const body = fc.oneof(
  bodyText.map((t) => Buffer.from(t, 'utf8')),
  fc.uint8Array({ maxLength: 100 }).map((b) => Buffer.from(b)),
);
const record: fc.Arbitrary<InboxRecord> = fc
  .record({
    method: fc.constantFrom('POST', 'GET', 'PUT', 'X'),
    path: fc.string({ maxLength: 30 }).map((p) => `/${p.replace(/[\r\n?#]/g, '')}`),
    query: fc.dictionary(
      fc.string({ maxLength: 8 }),
      fc.oneof(fc.string({ maxLength: 8 }), fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 })),
      { maxKeys: 3, noNullPrototype: true },
    ),
    headers,
    body,
    truncated: fc.boolean(),
    status: fc.integer({ min: 100, max: 599 }),
  })
  .map((r) => ({
    id: 'r1',
    seq: 1,
    time: new Date(0).toISOString(),
    method: r.method,
    path: r.path,
    query: r.query,
    headers: r.headers,
    body: r.body,
    bodySize: r.body.length + (r.truncated ? 10 : 0),
    bodyTruncated: r.truncated,
    response: { status: r.status },
  }));

describe('fuzz: inbox request recording', () => {
  it('shows, stores and answers any request without throwing, the same twice', () => {
    fuzz('inbox recording', 2_000, record, (r) => {
      const shown = deterministic(() => inboxEntryText(r));
      if (shown.language === 'jsonc') {
        const errors: ParseError[] = [];
        parse(shown.text, errors, { disallowComments: false });
        assert.deepStrictEqual(errors, [], 'a JSON entry that does not read as JSON with comments');
      }
      const line = deterministic(() => JSON.stringify(inboxJsonLine(r)));
      assert.ok(!line.includes('\n'), 'a stored line with a line break');
      deterministic(() => [inboxEntryLabel(r), inboxEntrySummary(r), inboxEntryDetails(r), needsApproval(r)]);
      for (const switches of [
        { onsConfirmation: true, cloudpods: true },
        { onsConfirmation: false, cloudpods: true },
      ]) {
        deterministic(() => detectAutoAnswer(r.headers, r.body, switches));
      }
      deterministic(() => onsConfirmationUrl(r.headers, r.body));
    });
  });

  it('grows linearly with the body', () => {
    const base: InboxRecord = {
      id: 'r',
      seq: 1,
      time: new Date(0).toISOString(),
      method: 'POST',
      path: '/',
      query: {},
      headers: { 'content-type': 'application/json' },
      body: Buffer.alloc(0),
      bodySize: 0,
      bodyTruncated: false,
      response: { status: 200 },
    };
    assertLinear(
      'inbox recording, JSON body',
      (n) => `[${'{"a":"b"},'.repeat(n / 10)}1]`,
      (text) => inboxEntryText({ ...base, body: Buffer.from(text), bodySize: text.length }),
    );
  });
});
