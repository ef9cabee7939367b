import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../fixtures';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

function oew(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
}

describe('oew command line (dist/cli.js)', () => {
  const version = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string })
    .version;

  it('prints the package version', () => {
    for (const flag of ['--version', 'version', '-v']) {
      const result = oew(flag);
      assert.strictEqual(result.status, 0);
      assert.strictEqual(result.stdout, `oew ${version}\n`);
    }
  });

  it('lists its commands in help, also when run with no arguments', () => {
    for (const args of [['help'], ['--help'], []]) {
      const result = oew(...args);
      assert.strictEqual(result.status, 0);
      assert.match(result.stdout, /Usage: oew <command>/);
      assert.match(result.stdout, /^ {2}version {2}/m);
    }
  });

  it('rejects an unknown command with exit code 2 and a pointer to help', () => {
    const result = oew('frobnicate');
    assert.strictEqual(result.status, 2);
    assert.strictEqual(result.stdout, '');
    assert.match(result.stderr, /unknown command "frobnicate".*oew help/);
  });

  it('starts with a shebang, so npm can link it as a command', () => {
    assert.ok(readFileSync(CLI, 'utf8').startsWith('#!/usr/bin/env node\n'));
  });
});
