import * as assert from 'assert';
import { promises as fsp, readFileSync, writeFileSync } from 'fs';
import * as http from 'http';
import * as path from 'path';
import { InboxOptions, startInbox } from '../../../src/core/inbox/inboxServer';
import { RECORDS_FILE } from '../../../src/core/inbox/inboxStore';
import { useTempDir } from '../tempDir';
import { sendRequest } from '../../../src/core/http/sender';
import { nextEvent, request, useCleanup } from './httpHelpers';

type Writes = Record<'appendFile' | 'writeFile', (...args: unknown[]) => Promise<void>>;

/** Counts the store's file writes, by wrapping the fs functions it writes with, for the length of `run`. */
async function countWrites(run: () => Promise<void>): Promise<number> {
  const fs = fsp as unknown as Writes;
  const original = { appendFile: fs.appendFile, writeFile: fs.writeFile };
  let writes = 0;
  fs.appendFile = (...args) => {
    writes++;
    return original.appendFile(...args);
  };
  fs.writeFile = (...args) => {
    writes++;
    return original.writeFile(...args);
  };
  try {
    await run();
  } finally {
    Object.assign(fs, original);
  }
  return writes;
}

describe('inbox: records kept on disk', () => {
  const dir = useTempDir();
  const track = useCleanup();
  const start = async (options: Partial<InboxOptions> = {}) =>
    track(await startInbox({ send: sendRequest, storageDir: dir(), ...options }));
  const fileLines = () =>
    readFileSync(path.join(dir(), RECORDS_FILE), 'utf8')
      .split('\n')
      .filter((line) => line);

  it('brings the records back after a restart, and numbers on from them', async () => {
    const first = await start();
    await request(`${first.url}/a`, { body: Buffer.from([0, 1, 2, 255]) });
    await request(`${first.url}/b?k=v`, { headers: { 'x-custom': 'yes' }, body: 'text' });
    const before = first.records();
    await first.close();
    const stored = fileLines().map((line) => JSON.parse(line) as { id: string; body: string });
    assert.deepStrictEqual(
      stored.map((line) => [line.id, line.body]),
      before.map((r) => [r.id, r.body.toString('base64')]),
      'one line per record, its body in base64',
    );

    const second = await start();
    const after = second.records();
    assert.deepStrictEqual(
      after.map((r) => [r.id, r.seq, r.path, r.body.toString('hex'), r.headers['x-custom']]),
      before.map((r) => [r.id, r.seq, r.path, r.body.toString('hex'), r.headers['x-custom']]),
    );
    assert.deepStrictEqual({ ...after[1].query }, { k: 'v' });
    await request(`${second.url}/c`, { body: 'more' });
    assert.strictEqual(second.records()[2].seq, before[1].seq + 1);
  });

  it('writes a burst of requests in a few batches, not one write each', async () => {
    let inboxUrl = '';
    const writes = await countWrites(async () => {
      const inbox = await start();
      inboxUrl = inbox.url;
      const agent = new http.Agent({ keepAlive: true, maxSockets: 20 });
      try {
        await Promise.all(Array.from({ length: 300 }, (_, n) => request(`${inbox.url}/${n}`, { agent, body: `${n}` })));
      } finally {
        agent.destroy();
      }
      await inbox.close();
    });
    assert.ok(inboxUrl);
    assert.ok(writes >= 1 && writes <= 10, `${writes} writes for 300 requests`);
    assert.strictEqual(fileLines().length, 300);
    assert.strictEqual((await start()).records().length, 300);
  });

  it('skips a damaged line and keeps the rest', async () => {
    const first = await start();
    await request(`${first.url}/good-1`, { body: '1' });
    await request(`${first.url}/good-2`, { body: '2' });
    await first.close();
    const [line1, line2] = fileLines();
    writeFileSync(path.join(dir(), RECORDS_FILE), `${line1}\nnot json at all\n{"id":"half"}\n${line2}\n{"id":"cut off`);

    const second = await start();
    assert.deepStrictEqual(
      second.records().map((r) => r.path),
      ['/good-1', '/good-2'],
    );
    await second.close();
    assert.strictEqual(fileLines().length, 2, 'the damaged file is rewritten clean');
  });

  it('keeps the file bounded by rewriting it with the live records', async () => {
    const inbox = await start({ capacity: 5 });
    for (let n = 0; n < 30; n++) {
      await request(`${inbox.url}/${n}`, { body: `${n}` });
      if (n % 7 === 0) {
        // Let a batch reach the disk, so the file grows by appends between rewrites.
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    }
    await inbox.close();
    assert.ok(fileLines().length <= 10, `${fileLines().length} lines for a capacity of 5`);
    const again = await start({ capacity: 5 });
    assert.deepStrictEqual(
      again.records().map((r) => r.path),
      ['/25', '/26', '/27', '/28', '/29'],
    );
  });

  it('keeps a later outcome and forgets cleared records', async () => {
    const first = await start({ autoAnswer: { onsConfirmation: false } });
    await request(`${first.url}/kept`, { body: 'x' });
    const [record] = first.records();
    first.configure({ forwardTo: 'http://127.0.0.1:1' });
    const failed = nextEvent(first, (e) => e.kind === 'updated');
    await request(`${first.url}/forwarded`, { body: 'y' });
    await failed;
    await first.close();
    const second = await start();
    assert.strictEqual(second.get(record.id)?.path, '/kept');
    const forward = second.records()[1].forward;
    assert.ok(forward && 'error' in forward);
    second.clear();
    await second.close();
    assert.deepStrictEqual((await start()).records(), []);
  });
});
