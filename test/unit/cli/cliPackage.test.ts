import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { packageCli } from '../../../scripts/packageCli';
import { REPO_ROOT } from '../fixtures';

describe('oew as an npm package of its own (npm run package:cli)', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'oew-cli-package-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('holds only what oew needs, installs into an empty prefix offline, and runs --version, check and test there', () => {
    const { file } = packageCli(path.join(dir, 'tarball'));
    const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.strictEqual(path.basename(file), `oci-event-workbench-cli-${version}.tgz`);
    const listed = execFileSync('tar', ['-tzf', file], { encoding: 'utf8' }).trim().split('\n').sort();
    assert.deepStrictEqual(listed, [
      'package/LICENSE',
      'package/README.md',
      'package/dist/catalogue/eventTypes.json',
      'package/dist/cli.js',
      'package/package.json',
    ]);

    const prefix = path.join(dir, 'prefix');
    // --offline: the package has no dependencies, so nothing is fetched; a CI job without a registry can install it.
    execFileSync('npm', ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', file], {
      stdio: 'pipe',
    });
    const oew = path.join(prefix, 'bin', 'oew');
    const run = (...args: string[]) => spawnSync(oew, args, { cwd: work, encoding: 'utf8' });
    const work = path.join(dir, 'work');
    mkdirSync(path.join(work, 'tests'), { recursive: true });

    assert.strictEqual(run('--version').stdout, `oew ${version}\n`);

    writeFileSync(
      path.join(work, 'uploads.condition.json'),
      JSON.stringify({ eventType: 'com.oraclecloud.objectstorage.createobject', data: { freeFormTags: { a: 'b' } } }),
    );
    const check = run('check', 'uploads.condition.json');
    assert.strictEqual(check.status, 0, check.stderr);
    // The catalogue is read beside the bundle: a known type draws no warning, the misspelt field does.
    assert.match(check.stdout, /^uploads\.condition\.json:\d+:\d+: warning freeform-tags-case: /);

    writeFileSync(
      path.join(work, 'tests', 'uploads.eventtest.json'),
      JSON.stringify({
        condition: { eventType: 'com.oraclecloud.objectstorage.createobject' },
        cases: [
          { name: 'an upload', event: { eventType: 'com.oraclecloud.objectstorage.createobject' }, expect: 'match' },
          {
            name: 'a launch',
            event: { eventType: 'com.oraclecloud.computeapi.launchinstance.end' },
            expect: 'no match',
          },
        ],
      }),
    );
    const tested = run('test', 'tests');
    assert.strictEqual(tested.status, 0, tested.stdout + tested.stderr);
    assert.match(tested.stdout, /2 passed, 0 failed/);
  });
});
