import * as assert from 'assert';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as http from 'http';
import * as path from 'path';
import { isUserError, UserError } from '../../../src/core/errors/userError';
import { startInbox } from '../../../src/core/inbox/inboxServer';
import { InboxOptions } from '../../../src/core/inbox/inboxTypes';
import { RECORDS_FILE } from '../../../src/core/inbox/inboxStore';
import { useTempDir } from '../tempDir';
import { sendRequest } from '../../../src/core/http/sender';
import { nextEvent, request, useCleanup } from './httpHelpers';

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

  it('answers a request only once its record is in the file, also in a burst', async () => {
    const inbox = await start();
    const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });
    const missing: string[] = [];
    try {
      await Promise.all(
        Array.from({ length: 300 }, async (_, n) => {
          await request(`${inbox.url}/burst-${n}`, { agent, body: `${n}` });
          if (!readFileSync(path.join(dir(), RECORDS_FILE), 'utf8').includes(`"path":"/burst-${n}"`)) {
            missing.push(`/burst-${n}`);
          }
        }),
      );
    } finally {
      agent.destroy();
    }
    assert.deepStrictEqual(missing, [], 'answered before its record was written');
    assert.strictEqual(fileLines().length, 300);
  });

  it('reports a failed save with the file it could not write, and still answers', async () => {
    const failures: UserError[] = [];
    const inbox = await start({ onSaveFailed: (err) => failures.push(err) });
    // The folder becomes a file: every write into it fails, as on a disk gone read-only.
    rmSync(dir(), { recursive: true });
    writeFileSync(dir(), 'not a folder');
    const replies = await Promise.all([1, 2, 3].map((n) => request(`${inbox.url}/${n}`, { body: `${n}` })));
    assert.deepStrictEqual(
      replies.map((r) => r.status),
      [200, 200, 200],
    );
    assert.strictEqual(inbox.records().length, 3, 'kept in memory');
    assert.strictEqual(failures.length, 1, 'one report for a run of failures, not one per request');
    assert.ok(isUserError(failures[0]));
    assert.match(failures[0].message, /could not save \d request\(s\) to .*records\.jsonl/);
    assert.match(failures[0].nextStep, /stay in the inbox/);
    await inbox.close();
    rmSync(dir());
    mkdirSync(dir());
  });

  it('skips a damaged line and keeps the rest', async () => {
    const first = await start();
    await request(`${first.url}/good-1`, { body: '1' });
    await request(`${first.url}/good-2`, { body: '2' });
    await first.close();
    const [line1, line2] = fileLines();
    writeFileSync(path.join(dir(), RECORDS_FILE), `${line1}\nnot json at all\n{"id":"half"}\n${line2}\n{"id":"cut off`);

    const notices: unknown[] = [];
    const second = await start({ onError: (err) => notices.push(err) });
    assert.deepStrictEqual(
      second.records().map((r) => r.path),
      ['/good-1', '/good-2'],
    );
    assert.match(
      (notices[0] as Error).message,
      /skipped 3 damaged line\(s\) of .*records\.jsonl and loaded the 2 other/,
    );
    await second.close();
    assert.strictEqual(fileLines().length, 2, 'the damaged file is rewritten clean');
  });

  it('cuts off a last line a crash left half written, so the next record starts a line of its own', async () => {
    const first = await start();
    await request(`${first.url}/whole`, { body: 'w' });
    await first.close();
    const [whole] = fileLines();
    writeFileSync(path.join(dir(), RECORDS_FILE), `${whole}\n${whole.slice(0, 40)}`);
    const second = await start();
    await request(`${second.url}/next`, { body: 'n' });
    assert.deepStrictEqual(
      fileLines().map((line) => (JSON.parse(line) as { path: string }).path),
      ['/whole', '/next'],
    );
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
