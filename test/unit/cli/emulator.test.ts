import * as assert from 'assert';
import { spawn, spawnSync } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { createInterface } from 'readline';
import { REPO_ROOT } from '../fixtures';
import { useTempDir } from '../tempDir';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

describe('oew emulator (dist/cli.js)', () => {
  const dir = useTempDir();

  it('prints its endpoint, config file, profile and tenancy as the first stdout line, and stops on SIGTERM', async () => {
    const faults = ['--fault-truncate-rate', '0.25', '--fault-malformed-rate', '0.5', '--fault-latency-rate', '0.1'];
    const args = ['emulator', '--port', '0', '--state-dir', dir(), ...faults, '--fault-latency-ms', '20'];
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
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
    const settings = (await (await fetch(`${announced.endpoint}/_emulator/faults`)).json()) as Record<string, number>;
    assert.deepStrictEqual(
      [settings.faultTruncateRate, settings.faultMalformedRate, settings.faultLatencyRate, settings.faultLatencyMs],
      [0.25, 0.5, 0.1, 20],
      'every fault the emulator injects can be set from the command line',
    );
    child.kill('SIGTERM');
    assert.strictEqual(await exited, 0);
  });

  it('refuses a damaged state file in one line that names it and says what to do, and leaves it as it was', () => {
    const file = path.join(dir(), 'state.json');
    const damaged = [
      '{"format":1,"tenancy":{"id":"t"},"rules":[{"va',
      'not json',
      '{"format":1,"tenancy":{}}',
      '[]',
      '{"format":7}',
    ];
    for (const text of damaged) {
      writeFileSync(file, text);
      const result = spawnSync(process.execPath, [CLI, 'emulator', '--state-dir', dir()], { encoding: 'utf8' });
      assert.strictEqual(result.status, 2, text);
      const lines = result.stderr.trim().split('\n');
      assert.strictEqual(lines.length, 1, result.stderr);
      assert.match(
        lines[0],
        text === '{"format":7}' ? /has format 7; this emulator reads format 1/ : /state\.json is damaged/,
      );
      assert.match(lines[0], /Move it aside/);
      assert.strictEqual(readFileSync(file, 'utf8'), text);
    }
  });

  it('rejects an unknown option with exit code 2 and the usage', () => {
    const result = spawnSync(process.execPath, [CLI, 'emulator', '--fault-rate', '1'], { encoding: 'utf8' });
    assert.strictEqual(result.status, 2);
    assert.strictEqual(result.stdout, '');
    assert.match(result.stderr, /unknown option --fault-rate\nusage: oew emulator/);
  });
});
