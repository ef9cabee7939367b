import * as assert from 'assert';
import { existsSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import * as common from 'oci-common';
import { EventsClient } from 'oci-events';
import { startEmulator } from '../../../src/emulator/emulator';
import { STATE_FILE } from '../../../src/emulator/store/persistence';
import { useTempDir } from '../tempDir';

describe('emulator: state kept in --state-dir', () => {
  const dir = useTempDir();

  async function withClient<T>(run: (events: EventsClient, tenancy: string) => Promise<T>): Promise<T> {
    const emulator = await startEmulator({ dataset: 'demo', compartments: 1, rulesPerCompartment: 0, stateDir: dir() });
    const provider = new common.ConfigFileAuthenticationDetailsProvider(
      emulator.identity.configFile,
      emulator.identity.profile,
    );
    const events = new EventsClient({ authenticationDetailsProvider: provider });
    events.endpoint = emulator.server.url;
    try {
      return await run(events, emulator.state.tenancy.id);
    } finally {
      events.close();
      await emulator.close();
    }
  }

  it('keeps a rule created in one run for the next run, written atomically', async () => {
    const file = path.join(dir(), STATE_FILE);
    const id = await withClient(async (events, tenancy) => {
      const created = await events.createRule({
        createRuleDetails: {
          displayName: 'kept',
          compartmentId: tenancy,
          isEnabled: true,
          condition: '{"eventType": "com.oraclecloud.objectstorage.createobject"}',
          actions: {
            actions: [{ actionType: 'ONS', isEnabled: true, topicId: 'ocid1.onstopic.oc1.iad.aaaaaaaax' } as never],
          },
        },
      });
      const deadline = Date.now() + 5000;
      while (!readFileSync(file, 'utf8').includes('"kept"') && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
      }
      return created.rule.id;
    });
    assert.ok(existsSync(file));
    assert.deepStrictEqual(
      readdirSync(dir()).filter((f) => f.endsWith('.tmp')),
      [],
      'no temporary file is left behind',
    );
    const read = await withClient((events) => events.getRule({ ruleId: id }));
    assert.strictEqual(read.rule.displayName, 'kept');
  });
});
