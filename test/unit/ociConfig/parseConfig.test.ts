import * as assert from 'assert';
import { readFileSync } from 'fs';
import { parseConfig } from '../../../src/core/ociConfig/parseConfig';
import { resolveProfile } from '../../../src/core/ociConfig/resolveProfile';
import { fixture } from '../fixtures';

function parse(name: string) {
  const result = parseConfig(readFileSync(fixture('ociConfig', name), 'utf8'));
  assert.ok(result.ok);
  return result.sections;
}

describe('OCI config parser', () => {
  it('says why a ";" comment breaks the file, and where', () => {
    const result = parseConfig(readFileSync(fixture('ociConfig', 'semicolon-comment.config'), 'utf8'));
    assert.ok(!result.ok);
    assert.strictEqual(result.error.line, 3);
    assert.match(result.error.message, /only "#" comments/);
  });

  it('says that a key needs a profile header above it', () => {
    const result = parseConfig('region=us-ashburn-1\n');
    assert.ok(!result.ok);
    assert.match(result.error.message, /\[DEFAULT\]/);
  });

  it('keeps the line of each profile header and of the winning assignment', () => {
    const sections = parse('duplicate-section.config');
    assert.strictEqual(sections.get('DEFAULT')!.line, 1);
    assert.strictEqual(sections.get('DEV')!.line, 5);
    assert.deepStrictEqual(sections.get('DEV')!.entries.get('region'), { value: 'eu-amsterdam-1', line: 14 });
  });

  it('tells API-key, session-token and other profiles apart, with DEFAULT fallback', () => {
    const sections = parse('default-fallback.config');
    const home = '/home/u';
    assert.strictEqual(resolveProfile(sections, 'DEFAULT', home)!.authType, 'apiKey');
    const prod = resolveProfile(sections, 'PROD', home)!;
    assert.strictEqual(prod.region, 'uk-london-1');
    assert.strictEqual(prod.tenancy, 'ocid1.tenancy.oc1..aaaaaaaadefaulttenancy');
    assert.strictEqual(prod.keyFile, '/home/u/.oci/default.pem');
    const session = resolveProfile(sections, 'SESSION', home)!;
    assert.strictEqual(session.authType, 'sessionToken');
    assert.strictEqual(session.securityTokenFile, '/home/u/.oci/sessions/SESSION/token');
    const instance = resolveProfile(sections, 'INSTANCE', home)!;
    assert.strictEqual(instance.authType, 'other');
    assert.strictEqual(instance.authenticationType, 'instance_principal');
  });

  it('returns nothing for a profile that is not in the file', () => {
    assert.strictEqual(resolveProfile(parse('no-default.config'), 'DEFAULT', '/h'), undefined);
  });
});
