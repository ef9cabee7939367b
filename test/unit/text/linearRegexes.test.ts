import * as assert from 'assert';
import { analyzeCondition } from '../../../src/core/condition/analyzeCondition';
import { EventTypeCatalogue } from '../../../src/core/condition/catalogue';
import { compile } from '../../../src/core/condition/matcher';
import { forwardUrl } from '../../../src/core/inbox/resendRequest';
import { checkSubscriptionEndpoint } from '../../../src/core/ons/subscriptionEndpoint';
import { terraformResource } from '../../../src/core/rules/ruleExport';
import { redactFormUrl } from '../../../src/core/sender/redactSenderRequest';
import { trimChar } from '../../../src/core/text/trimChar';
import { tokenize } from '../../../src/core/xpath/tokenizer';
import { verifySignature } from '../../../src/emulator/http/httpSignature';
import { describeGrowth, measureGrowth } from '../growth';

const catalogue = EventTypeCatalogue.builtin();

/** Each size at least 8 times the first: a change of order shows as a slope, never as a time. */
function assertLinear<T>(sizes: readonly number[], input: (size: number) => T, work: (input: T) => void): void {
  const growth = measureGrowth(sizes, input, work);
  assert.ok(growth.slope < 1.5, describeGrowth(growth));
}

// Each case is the worst input known for the expression the function used to hold.
describe('regular expressions over user text run in linear time', () => {
  it('a condition of CRLF line ends: the HCL check was cubic (25 s for 2,000)', () => {
    assertLinear(
      [500, 1000, 2000, 4000],
      (n) => '\r\n'.repeat(n) + 'x',
      (text) => analyzeCondition(text, catalogue),
    );
    // And it still names the line of an HCL assignment, without the blank lines before it.
    const [hcl] = analyzeCondition('\r\n\r\n  eventType = ["x"]', catalogue).findings;
    assert.deepStrictEqual([hcl.code, hcl.offset, hcl.length], ['hcl-syntax', 4, '  eventType ='.length]);
  });

  it('a wildcard with several stars against a long event value', () => {
    const match = compile({ data: { resourceName: 'a*a*a*a*b' } });
    assertLinear(
      [2000, 4000, 8000, 16000],
      (n) => ({ data: { resourceName: 'a'.repeat(n) } }),
      (event) => assert.strictEqual(match(event).matched, false),
    );
    assert.strictEqual(match({ data: { resourceName: 'aaaa-b' } }).matched, true);
    assert.strictEqual(match({ data: { resourceName: 'aaab' } }).matched, false);
  });

  it('a URL ending in a long run of slashes that is not its end', () => {
    assertLinear(
      [2000, 4000, 8000, 16000],
      (n) => `http://h/${'/'.repeat(n)}x`,
      (base) => forwardUrl(base, '/p'),
    );
    assert.strictEqual(forwardUrl('http://h///', '/p'), 'http://h/p');
    assert.strictEqual(trimChar('__a_b__', '_', 'both'), 'a_b');
  });

  it('a rule display name with a long run of spaces inside, as a Terraform name', () => {
    const details = { displayName: '', isEnabled: true, condition: '{}', actions: { actions: [] } };
    assertLinear(
      [2000, 4000, 8000, 16000],
      (n) => ({ ...details, displayName: `a${' '.repeat(n)}b` }),
      (rule) => terraformResource(rule, 'ocid1.compartment.oc1..x'),
    );
    assert.match(terraformResource({ ...details, displayName: ' My rule! ' }, 'c'), /"oci_events_rule" "my_rule"/);
  });

  it('an email endpoint of many dots', () => {
    // The length bound (512) is checked later than the shape, so the shape must be linear alone.
    assertLinear(
      [2000, 4000, 8000, 16000],
      (n) => `a@${'.'.repeat(n)}@`,
      (endpoint) => checkSubscriptionEndpoint('EMAIL', endpoint),
    );
    assert.strictEqual(checkSubscriptionEndpoint('EMAIL', 'ann@example.com'), undefined);
    assert.strictEqual(checkSubscriptionEndpoint('EMAIL', 'ann@..x'), undefined);
    assert.ok(checkSubscriptionEndpoint('EMAIL', 'ann@example.'));
    assert.ok(checkSubscriptionEndpoint('EMAIL', 'ann@.x'));
  });

  it('a sender URL of many question marks, redacted for history', () => {
    assertLinear(
      [2000, 4000, 8000, 16000],
      (n) => `https://h/${'?'.repeat(n)}`,
      (url) => redactFormUrl(url),
    );
    assert.strictEqual(redactFormUrl('https://h/?a=1&token=s'), 'https://h/?a=1&token=<redacted>');
  });

  it('a Signature header of one long word, before any key is looked up', () => {
    const request = (n: number) => ({
      method: 'GET',
      url: '/',
      headers: { authorization: `Signature ${'a'.repeat(n)}` },
      body: Buffer.alloc(0),
    });
    assertLinear([2000, 4000, 8000, 16000], request, (r) =>
      assert.throws(() => verifySignature(r, () => undefined, new Date()), /lacks keyId/),
    );
  });

  it('an XPath expression of many numbers', () => {
    // Sizes whose tokens stay in V8's young generation: past it, garbage collection alone bends
    // the curve of a linear tokenizer to size^1.6. Copying the rest of the text per number is still size^2 here.
    assertLinear(
      [500, 1000, 2000, 4000],
      (n) => '1+'.repeat(n) + '1',
      (text) => tokenize(text),
    );
  });
});
