import * as assert from 'assert';
import { confirmationUrlIsTrusted } from '../../../src/core/inbox/confirmationHost';

describe('inbox: which ONS ConfirmationURLs are fetched without asking', () => {
  const cases: [string, boolean][] = [
    ['http://127.0.0.1:8080/confirm?token=1', true],
    ['https://127.0.0.1/confirm', true],
    ['http://localhost:3000/confirm', true],
    ['http://[::1]:9000/confirm', true],
    ['https://cell1.notification.us-ashburn-1.oci.oraclecloud.com/20181201/subscriptions/x/confirmation?token=t', true],
    ['https://NOTIFICATION.EU-FRANKFURT-1.OCI.ORACLECLOUD.COM/confirm', true],
    // Plain http to a public host could be altered on the way.
    ['http://notification.us-ashburn-1.oci.oraclecloud.com/confirm', false],
    ['https://oraclecloud.com/confirm', false],
    ['https://oraclecloud.com.evil.net/confirm', false],
    ['https://notification.oraclecloud.com.attacker.net/confirm', false],
    ['https://evil-oraclecloud.com/confirm', false],
    ['https://oraclecloud.com@evil.net/confirm', false],
    ['https://x.oraclecloud.com:443@evil.net/confirm', false],
    ['https://evil.net\\@x.oraclecloud.com/confirm', false],
    ['https://evil.net#.oraclecloud.com', false],
    ['https://evil.net/?.oraclecloud.com', false],
    ['http://localhost.evil.net/confirm', false],
    ['http://127.0.0.1.evil.net/confirm', false],
    ['https://example.com/confirm', false],
    ['ftp://x.oraclecloud.com/confirm', false],
    ['file:///etc/passwd', false],
    ['not a url', false],
    ['', false],
  ];
  for (const [url, trusted] of cases) {
    it(`${trusted ? 'fetches' : 'asks first for'} ${JSON.stringify(url)}`, () => {
      assert.strictEqual(confirmationUrlIsTrusted(url), trusted);
    });
  }
});
