import * as assert from 'assert';
import {
  checkFingerprint,
  checkProfileName,
  checkRegion,
  checkTenancyOcid,
  checkUserOcid,
  renderProfile,
} from '../../../src/core/ociConfig/profileShapes';
import { parseConfig } from '../../../src/core/ociConfig/parseConfig';

describe('profile value shapes', () => {
  it('accepts real OCIDs and names the expected prefix otherwise', () => {
    assert.strictEqual(
      checkTenancyOcid('ocid1.tenancy.oc1..aaaaaaaaba3pv6wkcr4jqae5f15p2b2m2yt2j6rx32uzr4h25vqstifsfdsq'),
      undefined,
    );
    assert.strictEqual(
      checkUserOcid('ocid1.user.oc1..aaaaaaaa3d5g7ztzvj4qwq2k4brdbqbpnuq6mdjw6y4kcsnzy6cm3lq4bxga'),
      undefined,
    );
    assert.match(checkTenancyOcid('ocid1.user.oc1..aaaaaaaa3d5g7ztzvj4q')!, /starts with "ocid1\.tenancy\."/);
    assert.match(checkUserOcid('ocid1.user.oc1..')!, /not a complete user OCID/);
    assert.match(checkTenancyOcid('  ')!, /Enter the tenancy OCID/);
  });

  it('accepts a fingerprint in either case, and explains the format otherwise', () => {
    assert.strictEqual(checkFingerprint('20:3B:97:13:55:1c:5b:0d:d3:37:d8:50:4e:c5:3a:34'), undefined);
    assert.match(checkFingerprint('20:3b:97:13')!, /16 pairs of hex digits/);
  });

  it('accepts region identifiers, not display names', () => {
    for (const region of ['us-ashburn-1', 'us-gov-ashburn-1', 'me-dcc-muscat-1', 'eu-frankfurt-1']) {
      assert.strictEqual(checkRegion(region), undefined, region);
    }
    assert.match(checkRegion('US East (Ashburn)')!, /not a region identifier/);
  });

  it('refuses an existing or bracketed profile name', () => {
    assert.match(checkProfileName('DEFAULT', new Set(['DEFAULT']))!, /already exists/);
    assert.match(checkProfileName('a]b', new Set())!, /cannot contain/);
    assert.strictEqual(checkProfileName('DEV', new Set(['DEFAULT'])), undefined);
  });

  it('renders a profile that the parser reads back, keeping what the file had', () => {
    const before = '[DEFAULT]\n# keep me\nregion=us-ashburn-1';
    const text = renderProfile(
      {
        name: 'DEV',
        tenancy: 'ocid1.tenancy.oc1..aaaaaaaatenancy',
        user: 'ocid1.user.oc1..aaaaaaaauser',
        fingerprint: 'AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99',
        keyFile: '~/.oci/dev.pem',
        region: 'eu-frankfurt-1',
      },
      before,
    );
    assert.ok(text.startsWith(before + '\n\n[DEV]\n'));
    const parsed = parseConfig(text);
    assert.ok(parsed.ok);
    const dev = parsed.sections.get('DEV')!.entries;
    assert.strictEqual(dev.get('fingerprint')!.value, 'aa:bb:cc:dd:ee:ff:00:11:22:33:44:55:66:77:88:99');
    assert.strictEqual(dev.get('key_file')!.value, '~/.oci/dev.pem');
    assert.strictEqual(parsed.sections.get('DEFAULT')!.entries.get('region')!.value, 'us-ashburn-1');
  });
});
