import * as assert from 'assert';
import { locateConfig } from '../../../src/core/ociConfig/locateConfig';

const HOME = '/home/u';

function locate(files: string[], input: { setting?: string; environment?: string } = {}) {
  return locateConfig({ home: HOME, ...input }, (f) => files.includes(f));
}

describe('locating the OCI config file', () => {
  it('prefers ~/.oci/config over $OCI_CONFIG_FILE and ~/.oraclebmc/config, as the SDK does', () => {
    const all = ['/home/u/.oci/config', '/env/config', '/home/u/.oraclebmc/config'];
    assert.deepStrictEqual(locate(all, { environment: '/env/config' }).found, {
      path: '/home/u/.oci/config',
      source: 'default',
    });
  });

  it('falls back to $OCI_CONFIG_FILE, then to ~/.oraclebmc/config', () => {
    assert.strictEqual(
      locate(['/env/config', '/home/u/.oraclebmc/config'], { environment: '/env/config' }).found?.source,
      'environment',
    );
    assert.strictEqual(locate(['/home/u/.oraclebmc/config'], { environment: '/env/config' }).found?.source, 'legacy');
  });

  it('uses only the oew.oci.configFile setting when it is set, with ~ expanded', () => {
    const result = locate(['/home/u/.oci/config'], { setting: '~/work/oci.ini' });
    assert.strictEqual(result.found, undefined);
    assert.deepStrictEqual(result.candidates, [{ path: '/home/u/work/oci.ini', source: 'setting' }]);
  });

  it('lists every place it looked when there is no file', () => {
    const result = locate([]);
    assert.strictEqual(result.found, undefined);
    assert.deepStrictEqual(
      result.candidates.map((c) => c.path),
      ['/home/u/.oci/config', '/home/u/.oraclebmc/config'],
    );
  });
});
