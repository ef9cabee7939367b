import * as assert from 'assert';
import { networkFailureOf } from '../../../src/core/net/networkFailure';

/** What fetch throws: a TypeError "fetch failed" whose cause carries the code. */
const fetchFailed = (code: string, message = `connect ${code}`) =>
  Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(message), { code }) });

describe('network failures, in the words every view, notification and log line uses', () => {
  const host = 'identity.eu-frankfurt-1.oci.oraclecloud.com';

  it('names the host, what failed and what to try for each kind of failure', () => {
    const cases: [string, string, RegExp, RegExp][] = [
      [
        'ENOTFOUND',
        'dns',
        /^The host identity\.eu-frankfurt-1\.oci\.oraclecloud\.com was not found \(DNS ENOTFOUND\)\.$/,
        /region/,
      ],
      ['EAI_AGAIN', 'dns', /\(DNS EAI_AGAIN\)/, /network and VPN/],
      ['ECONNREFUSED', 'refused', /refused the connection/, /^Start the server/],
      ['ECONNRESET', 'reset', /closed the connection before it answered\.$/, /firewall or proxy/],
      [
        'UND_ERR_CONNECT_TIMEOUT',
        'timeout',
        /did not answer in time \(UND_ERR_CONNECT_TIMEOUT\)\.$/,
        /network and VPN/,
      ],
      ['ETIMEDOUT', 'timeout', /did not answer in time/, /network and VPN/],
      [
        'CERT_HAS_EXPIRED',
        'tls',
        /^TLS failed with .*: its certificate has expired \(CERT_HAS_EXPIRED\)\.$/,
        /CA bundle/,
      ],
      ['ENETUNREACH', 'unreachable', /cannot be reached from this machine \(ENETUNREACH\)\.$/, /network connection/],
      ['EPROTO', 'other', /^The connection to .* failed: connect EPROTO \(EPROTO\)\.$/, /Check the network connection/],
    ];
    for (const [code, kind, cause, nextStep] of cases) {
      const failure = networkFailureOf(fetchFailed(code), host);
      assert.strictEqual(failure.kind, kind, code);
      assert.match(failure.cause, cause, code);
      assert.ok(failure.cause.includes(host), `${code} names the host`);
      assert.match(failure.nextStep, nextStep, code);
    }
  });

  it('says when a failure may be the proxy’s, and names it', () => {
    const refused = networkFailureOf(fetchFailed('ECONNREFUSED'), `${host}:443`, 'proxy.corp:3128');
    assert.strictEqual(refused.kind, 'proxy');
    assert.strictEqual(refused.cause, `The proxy proxy.corp:3128 refused the connection to ${host}:443.`);
    assert.match(refused.nextStep, /http\.proxy, HTTPS_PROXY/);
    const dns = networkFailureOf(fetchFailed('ENOTFOUND'), host, 'proxy.corp:3128');
    assert.match(dns.nextStep, /the proxy proxy\.corp:3128 is right and running/);
  });

  it('reads the code from the SDK’s plain error object, which has no cause, as from a Node error', () => {
    const sdkError = { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:9', requestEndpoint: 'GET x' };
    assert.strictEqual(networkFailureOf(sdkError, '127.0.0.1:9').kind, 'refused');
    assert.strictEqual(networkFailureOf(new Error('socket hang up'), 'h').kind, 'other');
  });
});
