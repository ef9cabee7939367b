import * as assert from 'assert';
import { mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runEmulatorCases } from '../../../src/core/eventTests/runEmulatorCases';
import { parseTestFile } from '../../../src/core/eventTests/testFile';
import { emitEmulatorEvent } from '../../../src/core/tenancy/emulatorEvents';
import { Emulator, startEmulator } from '../../../src/emulator/emulator';

const LAUNCH = 'com.oraclecloud.computeapi.launchinstance.end';

describe('running a rule test’s events through the emulator', () => {
  let emulator: Emulator;
  let stateDir: string;
  before(async () => {
    stateDir = mkdtempSync(path.join(os.tmpdir(), 'oew-emulator-cases-'));
    emulator = await startEmulator({ dataset: 'demo', stateDir });
  });
  after(async () => {
    await emulator.close();
    rmSync(stateDir, { recursive: true, force: true });
  });

  /** The demo rule as deployed, reached over the emulator's HTTP API as the extension reaches it. */
  const connect = (id: string) => {
    const rule = emulator.state.rules.get(id)?.value;
    if (!rule) {
      return Promise.reject(new Error(`No rule ${id} in the emulator.`));
    }
    return Promise.resolve({
      displayName: rule.displayName,
      emit: (event: Readonly<Record<string, unknown>>) =>
        emitEmulatorEvent(emulator.server.url, event, rule.compartmentId),
    });
  };

  it('passes a case when the deployed rule matched as expected, and says which rules took the event when not', async () => {
    const deployed = [...emulator.state.rules.values()].find((r) => r.value.displayName === 'instance-state-changes')!;
    const file = parseTestFile(
      JSON.stringify({
        rule: 'instances.rule.json',
        cases: [
          { name: 'a launch', event: { eventType: LAUNCH }, expect: 'match' },
          { name: 'a launch, wrongly', event: { eventType: LAUNCH }, expect: 'no match' },
          {
            name: 'an upload, wrongly',
            event: { eventType: 'com.oraclecloud.objectstorage.createobject' },
            expect: 'match',
          },
        ],
      }),
    );
    const read = () =>
      Promise.resolve(JSON.stringify({ displayName: 'instance-state-changes', id: deployed.value.id }));
    const { outcomes } = await runEmulatorCases(file, read, connect);
    assert.deepStrictEqual(
      outcomes.map((o) => o.status),
      ['passed', 'failed', 'failed'],
    );
    assert.match(
      outcomes[1].message!,
      /^Expected "no match": in the emulator, instance-state-changes matched it and notified ocid1\.onstopic\./,
    );
    assert.match(outcomes[1].trace![0], /^matched by instance-state-changes → ocid1\.onstopic\./);
    assert.strictEqual(
      outcomes[2].message,
      'Expected "match": in the emulator, instance-state-changes did not match it, so its topics were not notified.',
    );
    assert.match(outcomes[2].trace!.join('\n'), /matched by bucket-change-processor/);
  });

  it('errors every case of a rule that is not deployed, or that the emulator does not have', async () => {
    const file = parseTestFile(
      JSON.stringify({ rule: 'r.rule.json', cases: [{ name: 'a', event: { eventType: LAUNCH }, expect: 'match' }] }),
    );
    const undeployed = await runEmulatorCases(file, () => Promise.resolve('{"displayName": "r"}'), connect);
    assert.match(undeployed.outcomes[0].message!, /r\.rule\.json has no "id": deploy it to an emulator profile/);
    const unknown = await runEmulatorCases(
      file,
      () => Promise.resolve('{"id": "ocid1.eventrule.oc1.iad.gone"}'),
      connect,
    );
    assert.strictEqual(unknown.outcomes[0].message, 'No rule ocid1.eventrule.oc1.iad.gone in the emulator.');
    assert.deepStrictEqual([undeployed.outcomes[0].status, unknown.outcomes[0].status], ['errored', 'errored']);
  });
});
