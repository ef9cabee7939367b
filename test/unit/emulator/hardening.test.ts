import * as assert from 'assert';
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'fs';
import * as http from 'http';
import * as path from 'path';
import { sameSecret } from '../../../src/core/crypto/sameSecret';
import { startEmulator } from '../../../src/emulator/emulator';
import { STATE_FILE } from '../../../src/emulator/store/persistence';
import { useTempDir } from '../tempDir';
import { useEmulator } from './sdkHelpers';
import { signedHttp } from './signedHttp';

/** A raw request, so that Host, Origin and a streamed body are exactly what a test sends. */
function raw(
  url: string,
  options: { method?: string; path: string; headers?: Record<string, string>; bodyBytes?: number; body?: string },
): Promise<{ status: number; body: { code?: string; message?: string } }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url + options.path,
      { method: options.method ?? 'POST', headers: options.headers },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: text ? (JSON.parse(text) as { code?: string; message?: string }) : {},
          }),
        );
      },
    );
    req.on('error', reject);
    if (options.bodyBytes) {
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      let sent = 0;
      const write = () => {
        while (sent < options.bodyBytes!) {
          sent += chunk.length;
          if (!req.write(chunk)) {
            req.once('drain', write);
            return;
          }
        }
        req.end();
      };
      write();
    } else {
      req.end(options.body);
    }
  });
}

describe('emulator: hostile and careless requests', () => {
  const ctx = useEmulator({ dataset: 'demo' });
  const url = () => ctx.emulator.server.url;
  const port = () => new URL(url()).port;
  const json = { 'content-type': 'application/json' };
  const faults = '/_emulator/faults';

  it('answers its controls only for a JSON body, a loopback Host and no foreign Origin', async () => {
    const body = '{}';
    const textPlain = await raw(url(), { path: faults, headers: { 'content-type': 'text/plain' }, body });
    assert.deepStrictEqual([textPlain.status, textPlain.body.code], [415, 'UnsupportedMediaType']);
    const rebound = await raw(url(), { path: faults, headers: { ...json, host: `evil.example:${port()}` }, body });
    assert.deepStrictEqual([rebound.status, rebound.body.code], [403, 'Forbidden']);
    assert.match(rebound.body.message ?? '', /127\.0\.0\.1, localhost or \[::1\]/);
    const page = await raw(url(), { path: faults, headers: { ...json, origin: 'https://evil.example' }, body });
    assert.deepStrictEqual([page.status, page.body.code], [403, 'Forbidden']);
    const getFromPage = await raw(url(), {
      method: 'GET',
      path: '/_emulator/stats',
      headers: { host: 'evil.example' },
    });
    assert.strictEqual(getFromPage.status, 403, 'a rebound page cannot read the controls either');
    for (const host of ['127.0.0.1', 'localhost', `localhost:${port()}`, '[::1]', `[::1]:${port()}`]) {
      const local = await raw(url(), { path: faults, headers: { ...json, host }, body });
      assert.strictEqual(local.status, 200, host);
    }
    const own = await raw(url(), { path: faults, headers: { ...json, origin: url() }, body });
    assert.strictEqual(own.status, 200, 'a page the emulator served itself');
  });

  it('answers a 100 MB body with 413 PayloadTooLarge in OCI’s error shape, not a reset', async () => {
    const answer = await raw(url(), {
      path: '/20181201/rules',
      headers: json,
      bodyBytes: 100 * 1024 * 1024,
    });
    assert.deepStrictEqual([answer.status, answer.body.code], [413, 'PayloadTooLarge']);
    assert.match(answer.body.message ?? '', /over 1048576 bytes/);
    const after = await raw(url(), { method: 'GET', path: '/_emulator/stats' });
    assert.strictEqual(after.status, 200, 'the emulator still serves');
  });

  it('checks the signature before a malformed % escape, which is then 400, not 500', async () => {
    const unsigned = await raw(url(), { method: 'GET', path: '/20181201/rules/ocid1.eventrule.%E0%A4%A' });
    assert.strictEqual(unsigned.status, 401);
    const { configFile, profile } = ctx.emulator.identity;
    const signed = await signedHttp(url(), configFile, profile)('GET', '/20181201/rules/ocid1.eventrule.%E0%A4%A');
    assert.strictEqual(signed.status, 400);
    assert.strictEqual((JSON.parse(signed.text) as { code: string }).code, 'InvalidParameter');
  });

  it('refuses tags of the wrong shape or depth with 400 InvalidParameter and keeps nothing', async () => {
    const { configFile, profile } = ctx.emulator.identity;
    const call = signedHttp(url(), configFile, profile);
    const rule = (tags: object) => ({
      displayName: 'tagged',
      compartmentId: ctx.emulator.state.tenancy.id,
      isEnabled: true,
      condition: '{}',
      actions: { actions: [{ actionType: 'ONS', isEnabled: true, topicId: 'ocid1.onstopic.oc1.iad.x' }] },
      ...tags,
    });
    let deep: unknown = 'x';
    for (let i = 0; i < 3000; i++) {
      deep = { a: deep };
    }
    const cases: [object, RegExp][] = [
      [{ definedTags: 'Finance' }, /definedTags must be a JSON object/],
      [{ definedTags: { Operations: 'CostCenter' } }, /definedTags\.Operations must be an object/],
      [{ definedTags: { Operations: deep } }, /nests deeper than 32 levels/],
      [{ freeformTags: { Department: 42 } }, /freeformTags\.Department must be a string/],
      [{ freeformTags: ['Finance'] }, /freeformTags must be a JSON object/],
    ];
    const before = ctx.emulator.state.rules.size;
    for (const [tags, message] of cases) {
      const answer = await call('POST', '/20181201/rules', rule(tags));
      assert.strictEqual(answer.status, 400, JSON.stringify(tags).slice(0, 80));
      const error = JSON.parse(answer.text) as { code: string; message: string };
      assert.strictEqual(error.code, 'InvalidParameter');
      assert.match(error.message, message);
    }
    assert.strictEqual(ctx.emulator.state.rules.size, before);
    const good = await call('POST', '/20181201/rules', rule({ definedTags: { Operations: { CostCenter: '42' } } }));
    assert.strictEqual(good.status, 200);
  });

  it('compares secrets by digest, whatever their lengths', () => {
    assert.strictEqual(sameSecret('token', 'token'), true);
    assert.strictEqual(sameSecret('token', 'tokeN'), false);
    assert.strictEqual(sameSecret('', 'a much longer expected secret'), false);
  });
});

describe('emulator: its folders', () => {
  const dir = useTempDir();

  it('saves into a state dir it creates, clears stale .tmp files at start, and removes its own key folder', async () => {
    const stateDir = path.join(dir(), 'new', 'state');
    const first = await startEmulator({ dataset: 'demo', stateDir });
    assert.ok(existsSync(path.join(stateDir, STATE_FILE)), 'saved at once, into a folder that did not exist');
    await first.close();
    mkdirSync(stateDir, { recursive: true });
    writeFileSync(path.join(stateDir, `${STATE_FILE}.4242.tmp`), '{"half');
    // A folder and state an older version left open to others are made private again.
    chmodSync(stateDir, 0o777);
    chmodSync(path.join(stateDir, STATE_FILE), 0o666);
    const second = await startEmulator({ dataset: 'demo', stateDir });
    assert.deepStrictEqual(
      readdirSync(stateDir).filter((f) => f.endsWith('.tmp')),
      [],
    );
    assert.strictEqual(statSync(stateDir).mode & 0o777, 0o700);
    assert.strictEqual(statSync(path.join(stateDir, STATE_FILE)).mode & 0o777, 0o600);
    await second.close();
    const temporary = await startEmulator({ dataset: 'demo' });
    assert.ok(existsSync(temporary.identity.folder));
    await temporary.close();
    assert.ok(!existsSync(temporary.identity.folder), 'the keys of a run without --state-dir go with it');
  });
});
