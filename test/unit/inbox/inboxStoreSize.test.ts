import * as assert from 'assert';
import { createHash, randomBytes } from 'crypto';
import { statSync } from 'fs';
import * as http from 'http';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { UserError } from '../../../src/core/errors/userError';
import { sendRequest } from '../../../src/core/http/sender';
import { DEFAULT_STORAGE_LIMITS } from '../../../src/core/inbox/inboxLimits';
import { startInbox } from '../../../src/core/inbox/inboxServer';
import { RECORDS_FILE } from '../../../src/core/inbox/inboxStore';
import { useTempDir } from '../tempDir';
import { request } from './httpHelpers';

const REQUESTS = 200;
const MB = 1_048_576;
const sha = (body: Buffer) => createHash('sha256').update(body).digest('hex');

describe('inbox: records file at its default limits', function () {
  this.timeout(60_000);
  const dir = useTempDir();

  it(`takes ${REQUESTS} requests of 1 MB binary bodies, stays bounded and loads them back`, async () => {
    const failures: UserError[] = [];
    const first = await startInbox({ send: sendRequest, storageDir: dir(), onSaveFailed: (err) => failures.push(err) });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
    const bodies = new Map<string, string>();
    let largest = 0;
    try {
      for (let n = 0; n < REQUESTS; n++) {
        const body = randomBytes(MB);
        bodies.set(`/big-${n}`, sha(body));
        assert.strictEqual((await request(`${first.url}/big-${n}`, { agent, body })).status, 200);
        largest = Math.max(largest, statSync(path.join(dir(), RECORDS_FILE)).size);
      }
    } finally {
      agent.destroy();
    }
    await first.close();
    assert.deepStrictEqual(failures, [], 'every save succeeded');
    const kept = DEFAULT_STORAGE_LIMITS.maxTotalBodyBytes / MB;
    // Compacted at twice the base64 of what is kept, plus one batch written before the check.
    const bound = (8 / 3) * DEFAULT_STORAGE_LIMITS.maxTotalBodyBytes + 16 * MB;
    assert.ok(largest <= bound, `the file reached ${largest} bytes, over ${bound}`);

    const loading = performance.now();
    const second = await startInbox({ send: sendRequest, storageDir: dir() });
    const loadMs = performance.now() - loading;
    const records = second.records();
    await second.close();
    console.log(
      `      ${REQUESTS} x 1 MB: file at most ${(largest / MB).toFixed(0)} MB, ${records.length} kept, loaded in ${loadMs.toFixed(0)} ms`,
    );
    assert.deepStrictEqual(
      records.map((r) => r.path),
      Array.from({ length: kept }, (_, i) => `/big-${REQUESTS - kept + i}`),
      'the newest that fit in the total',
    );
    assert.ok(
      records.every((r) => sha(r.body) === bodies.get(r.path)),
      'bodies come back byte for byte',
    );
  });
});
