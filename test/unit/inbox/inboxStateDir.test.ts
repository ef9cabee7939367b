import * as assert from 'assert';
import { chmodSync, existsSync, mkdirSync, statSync, writeFileSync } from 'fs';
import * as path from 'path';
import { isUserError } from '../../../src/core/errors/userError';
import { sendRequest } from '../../../src/core/http/sender';
import { startInbox } from '../../../src/core/inbox/inboxServer';
import { RECORDS_FILE } from '../../../src/core/inbox/inboxStore';
import { useTempDir } from '../tempDir';
import { request, useCleanup } from './httpHelpers';

const mode = (file: string) => statSync(file).mode & 0o777;

describe('inbox: its state folder', () => {
  const dir = useTempDir();
  const track = useCleanup();
  const start = async (storageDir: string) => track(await startInbox({ send: sendRequest, storageDir }));

  it('makes a folder and records file an older version left open to others private again', async () => {
    const state = path.join(dir(), 'state');
    mkdirSync(state);
    chmodSync(state, 0o777);
    const file = path.join(state, RECORDS_FILE);
    writeFileSync(file, '');
    chmodSync(file, 0o666);
    writeFileSync(`${file}.tmp`, '{"half":');
    const inbox = await start(state);
    assert.deepStrictEqual([mode(state).toString(8), mode(file).toString(8)], ['700', '600']);
    assert.ok(!existsSync(`${file}.tmp`), 'a compaction a crash cut short leaves nothing behind');
    await request(`${inbox.url}/x`, { headers: { authorization: 'Bearer someone-elses' }, body: 'x' });
    assert.strictEqual(mode(file).toString(8), '600');
  });

  it('creates a new folder, its missing parents and its file private', async () => {
    const state = path.join(dir(), 'a', 'b', 'state');
    const inbox = await start(state);
    await request(`${inbox.url}/x`, { body: 'x' });
    assert.deepStrictEqual(
      [mode(state), mode(path.join(state, RECORDS_FILE))].map((m) => m.toString(8)),
      ['700', '600'],
    );
  });

  it('says which path is wrong and what to do when the folder is a file or cannot be made', async () => {
    const file = path.join(dir(), 'plain-file');
    writeFileSync(file, 'x');
    // Under /proc, mkdir answers "no such file" while the parent exists: Node's recursive mkdir never returns there.
    const unmakeable = process.platform === 'linux' ? '/proc/oew-inbox-state' : path.join(file, 'below');
    for (const [storageDir, cause] of [
      [file, /plain-file is a file, not a folder/],
      [path.join(file, 'below'), /below cannot be made: part of its path is a file/],
      [unmakeable, /oew-inbox-state|below/],
    ] as const) {
      await assert.rejects(startInbox({ send: sendRequest, storageDir }), (err) => {
        assert.ok(isUserError(err), `a UserError for ${storageDir}, not ${String(err)}`);
        assert.match(err.message, cause);
        assert.ok(err.message.includes(storageDir), err.message);
        assert.ok(err.nextStep.length > 0);
        return true;
      });
    }
  });
});
