import * as assert from 'assert';
import { spawn, spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import * as path from 'path';
import { createInterface } from 'readline';
import { REPO_ROOT } from '../fixtures';
import { useTempDir } from '../tempDir';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

describe('oew emulator (dist/cli.js)', () => {
  const dir = useTempDir();

  it('prints its endpoint, config file, profile and tenancy as the first stdout line, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [CLI, 'emulator', '--port', '0', '--state-dir', dir()], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const firstLine = await new Promise<string>((resolve) =>
      createInterface({ input: child.stdout }).once('line', resolve),
    );
    const announced = JSON.parse(firstLine) as {
      endpoint: string;
      configFile: string;
      profile: string;
      tenancy: string;
    };
    assert.match(announced.endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.strictEqual(announced.profile, 'EMULATOR');
    assert.match(announced.tenancy, /^ocid1\.tenancy\.oc1\.\./);
    assert.strictEqual(path.dirname(announced.configFile), dir());
    assert.match(readFileSync(announced.configFile, 'utf8'), /^\[EMULATOR\]$/m);
    const unsigned = await fetch(`${announced.endpoint}/20181201/rules?compartmentId=${announced.tenancy}`);
    assert.strictEqual(unsigned.status, 401);
    child.kill('SIGTERM');
    assert.strictEqual(await exited, 0);
  });

  it('rejects an unknown option with exit code 2 and the usage', () => {
    const result = spawnSync(process.execPath, [CLI, 'emulator', '--fault-rate', '1'], { encoding: 'utf8' });
    assert.strictEqual(result.status, 2);
    assert.strictEqual(result.stdout, '');
    assert.match(result.stderr, /unknown option --fault-rate\nusage: oew emulator/);
  });
});
