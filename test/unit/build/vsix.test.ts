import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as path from 'path';
import { packageVsix } from '../../../scripts/package';
import { REPO_ROOT } from '../fixtures';

describe('VSIX (run after npm run build)', function () {
  this.timeout(60_000);

  it('packages, secret scan included, within 1.5 MB', () => {
    const { bytes } = packageVsix();
    assert.ok(bytes <= 1.5 * 1024 * 1024, `${bytes} bytes`);
  });

  it('holds the bundles and every file a contribution points at, and no node_modules', () => {
    const files = execFileSync(
      process.execPath,
      [path.join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'],
      {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
      .trim()
      .split('\n');
    for (const required of [
      'dist/extension.js',
      'dist/cli.js',
      'dist/oci.js',
      'dist/xpath.js',
      'dist/catalogue/eventTypes.json',
      'dist/webview/profileCheck.js',
      'dist/webview/profileCheck.css',
      'syntaxes/oci-event-condition.schema.json',
      'syntaxes/oci-event-test.schema.json',
      'media/oci-events.svg',
      'README.md',
      'LICENSE',
      // Without it every title, view and setting would show as its %key%.
      'package.nls.json',
    ]) {
      assert.ok(files.includes(required), required);
    }
    assert.deepStrictEqual(
      files.filter(
        (f) => f.includes('node_modules') || f.endsWith('.map') || f.startsWith('src/') || f.startsWith('test/'),
      ),
      [],
    );
  });
});
