import * as assert from 'assert';
import { ChildProcess, spawn } from 'child_process';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { createInterface } from 'readline';
import { STATE_FILE } from '../../../src/emulator/store/persistence';
import { REPO_ROOT } from '../fixtures';
import { useTempDir } from '../tempDir';
import { signedHttp } from './signedHttp';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const RUNS = 5;
const WRITERS = 8;
/** How many creates each run waits to see acknowledged before the kill, so every kill lands mid-load. */
const ACKS_BEFORE_KILL = 30;

interface Running {
  readonly child: ChildProcess;
  readonly exited: Promise<unknown>;
  readonly endpoint: string;
  readonly configFile: string;
  readonly tenancy: string;
}

/** `oew emulator --state-dir dir` in its own process, once it has announced itself (its state loaded). */
async function start(dir: string): Promise<Running> {
  const child = spawn(process.execPath, [CLI, 'emulator', '--state-dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const line = await Promise.race([
    new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', resolve)),
    exited.then(() => Promise.reject(new Error(`the emulator did not start on its saved state: ${stderr}`))),
  ]);
  const { endpoint, configFile, tenancy } = JSON.parse(line) as Omit<Running, 'child' | 'exited'>;
  return { child, exited, endpoint, configFile, tenancy };
}

describe('emulator: kill -9 under load', function () {
  // Six starts of a child emulator, each making its keys.
  this.timeout(60_000);
  const dir = useTempDir();

  it('loses no create it acknowledged, leaves no corrupt state, and clears its .tmp files at the next start', async () => {
    const acknowledged: string[] = [];
    let lost = 0;
    let writeMs = 0;
    for (let run = 1; run <= RUNS; run++) {
      const emulator = await start(dir());
      assert.deepStrictEqual(
        readdirSync(dir()).filter((f) => f.endsWith('.tmp')),
        [],
        `run ${run}: no .tmp file after the start`,
      );
      const call = signedHttp(emulator.endpoint, emulator.configFile);
      const acks: string[] = [];
      let killed = false;
      const began = Date.now();
      const writer = async (w: number) => {
        for (let i = 0; !killed; i++) {
          const answer = await call('POST', '/20181201/rules', {
            displayName: `run${run}-w${w}-${i}`,
            compartmentId: emulator.tenancy,
            isEnabled: true,
            condition: '{"eventType":"com.oraclecloud.objectstorage.createobject"}',
            actions: { actions: [{ actionType: 'ONS', isEnabled: true, topicId: 'ocid1.onstopic.oc1.iad.aaaaaaaax' }] },
          }).catch(() => undefined);
          if (answer?.status === 200 && !killed) {
            acks.push((JSON.parse(answer.text) as { id: string }).id);
            if (acks.length >= ACKS_BEFORE_KILL) {
              killed = true;
              writeMs += Date.now() - began;
              emulator.child.kill('SIGKILL');
            }
          }
        }
      };
      await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
      await emulator.exited;
      acknowledged.push(...acks);
      const saved = JSON.parse(readFileSync(path.join(dir(), STATE_FILE), 'utf8')) as {
        rules: { value: { id: string } }[];
      };
      const kept = new Set(saved.rules.map((r) => r.value.id));
      // Every create acknowledged so far, in this run or an earlier one, must still be there.
      lost = acknowledged.filter((id) => !kept.has(id)).length;
    }
    const last = await start(dir());
    last.child.kill('SIGTERM');
    await last.exited;
    console.log(
      `      kill -9: ${RUNS} runs, ${acknowledged.length} creates acknowledged (${Math.round((acknowledged.length * 1000) / writeMs)}/s with ${WRITERS} writers, each on disk before its answer), ${lost} lost`,
    );
    assert.strictEqual(lost, 0);
  });
});
