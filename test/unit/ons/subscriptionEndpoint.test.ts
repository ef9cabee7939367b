import * as assert from 'assert';
import { endpointSecrets, maskEndpoint } from '../../../src/core/ons/maskEndpoint';
import { checkSubscriptionEndpoint, MAX_ENDPOINT_LENGTH } from '../../../src/core/ons/subscriptionEndpoint';

describe('subscription endpoints, checked as ONS would before a create', () => {
  const ok = (protocol: Parameters<typeof checkSubscriptionEndpoint>[0], endpoint: string, allowLocalHttp = false) =>
    assert.strictEqual(checkSubscriptionEndpoint(protocol, endpoint, { allowLocalHttp }), undefined, endpoint);
  const refused = (
    protocol: Parameters<typeof checkSubscriptionEndpoint>[0],
    endpoint: string,
    reason: RegExp,
    allowLocalHttp = false,
  ) => assert.match(checkSubscriptionEndpoint(protocol, endpoint, { allowLocalHttp }) ?? 'accepted', reason, endpoint);

  it('takes a public HTTPS URL with Basic credentials in it for CUSTOM_HTTPS', () => {
    ok('CUSTOM_HTTPS', 'https://hooks.example.com/oci/infra');
    ok('CUSTOM_HTTPS', 'https://builder:s3cret@dev.example.com/hooks/oci');
  });

  it('refuses plain HTTP, a query, a half credential and a URL over 512 characters, naming the rule', () => {
    refused('CUSTOM_HTTPS', 'http://hooks.example.com/oci', /only over HTTPS/);
    refused('CUSTOM_HTTPS', 'https://hooks.example.com/oci?token=1', /query string/);
    refused('CUSTOM_HTTPS', 'https://builder@hooks.example.com/oci', /both parts/);
    const long = `https://hooks.example.com/${'a'.repeat(MAX_ENDPOINT_LENGTH)}`;
    refused('CUSTOM_HTTPS', long, /at most 512/);
    ok('CUSTOM_HTTPS', long.slice(0, MAX_ENDPOINT_LENGTH));
    refused('CUSTOM_HTTPS', 'https://hooks.example.com/oci?', /query string/);
    refused('CUSTOM_HTTPS', 'hooks.example.com/oci', /not a URL/);
    // What was typed is not repeated: it may hold a password.
    assert.ok(!checkSubscriptionEndpoint('CUSTOM_HTTPS', 'https://u:s3cret@exa mple.com/x')!.includes('s3cret'));
    refused('CUSTOM_HTTPS', '', /needs an endpoint/);
  });

  it('refuses endpoints Oracle Cloud cannot reach, unless the profile is the emulator’s and the host this machine', () => {
    for (const host of [
      '127.0.0.1:8443',
      'localhost',
      'localhost.',
      '10.0.0.5',
      '192.168.1.20',
      '172.20.0.1',
      '100.64.0.1',
      'build.local',
      '[::1]',
      '[::]',
      '[::ffff:10.0.0.1]',
      '[fd00::1]',
    ]) {
      refused('CUSTOM_HTTPS', `https://${host}/hook`, /not reachable|only over HTTPS/);
    }
    ok('CUSTOM_HTTPS', 'http://127.0.0.1:8080/hook', true);
    ok('CUSTOM_HTTPS', 'http://localhost:8080/hook', true);
    refused('CUSTOM_HTTPS', 'http://127.0.0.1:8080/hook?x=1', /query string/, true);
    refused('CUSTOM_HTTPS', 'http://hooks.example.com/hook', /only over HTTPS/, true);
  });

  it('checks the form of the other protocols’ endpoints', () => {
    ok('EMAIL', 'ops@example.com');
    refused('EMAIL', 'ops at example.com', /not an email address/);
    ok('SLACK', 'https://hooks.slack.com/services/T000/B000/XXXX');
    refused('SLACK', 'http://hooks.slack.com/services/T000', /only over HTTPS/);
    ok('PAGERDUTY', 'https://events.pagerduty.com/integration/abc/enqueue');
    ok('ORACLE_FUNCTIONS', 'ocid1.fnfunc.oc1.iad.aaaaaaaabbbbbbbb');
    ok('ORACLE_FUNCTIONS', 'ocid1.fnfunc.oc1.iad.future.aaaaaaaabbbbbbbb');
    refused('EMAIL', 'mailto:ops@example.com', /without mailto/);
    refused('ORACLE_FUNCTIONS', 'https://functions.example.com', /OCID of a function/);
    refused('EMAIL', ' ops@example.com', /space/);
  });
});

describe('subscription endpoints as shown', () => {
  it('masks Basic credentials, and all but the host of a Slack or PagerDuty URL, whose path is the secret', () => {
    assert.strictEqual(
      maskEndpoint('CUSTOM_HTTPS', 'https://builder:s3cret@dev.example.com/hooks'),
      'https://builder:<redacted>@dev.example.com/hooks',
    );
    assert.strictEqual(
      maskEndpoint('SLACK', 'https://hooks.slack.com/services/T000/B000/XXXXSECRET'),
      'https://hooks.slack.com/services/…',
    );
    assert.strictEqual(
      maskEndpoint('PAGERDUTY', 'https://events.pagerduty.com/integration/KEY123/enqueue'),
      'https://events.pagerduty.com/integration/…',
    );
    assert.strictEqual(maskEndpoint('EMAIL', 'ops@example.com'), 'ops@example.com');
    assert.deepStrictEqual(endpointSecrets('SLACK', 'https://hooks.slack.com/services/T0/B0/X'), ['/services/T0/B0/X']);
    assert.deepStrictEqual(endpointSecrets('CUSTOM_HTTPS', 'https://u:p%40ss@h.example.com/'), ['p@ss', 'p%40ss']);
  });
});
