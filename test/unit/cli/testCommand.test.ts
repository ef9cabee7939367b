import * as assert from 'assert';
import { mkdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import { useTempDir } from '../tempDir';
import { poPayload, SEED_FILTER } from '../xpath/fixtures';
import { captureCli } from './captureCli';

const UPLOAD = 'com.oraclecloud.objectstorage.createobject';

describe('oew test', () => {
  const dir = useTempDir();
  const write = (relative: string, content: unknown) => {
    const file = path.join(dir(), relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  };

  beforeEach(() => {
    write('.oew/samples/upload.json', { eventType: UPLOAD, data: { additionalDetails: { bucketName: 'invoices' } } });
    write('rules/uploads.rule.json', { displayName: 'uploads', condition: { eventType: UPLOAD } });
    write('filters/po.xpathfilter', SEED_FILTER);
    write('payloads/lan.xml', poPayload());
    write('.oew/tests/uploads.eventtest.json', {
      rule: '../../rules/uploads.rule.json',
      cases: [{ name: 'upload', event: '../samples/upload.json', expect: 'match' }],
    });
    write('.oew/tests/po.eventtest.json', {
      filter: '../../filters/po.xpathfilter',
      cases: [
        { name: 'lan cable', payload: '../../payloads/lan.xml', expect: true },
        { name: 'monitor', payload: poPayload({ item: 'Monitor' }), expect: false },
      ],
    });
  });

  it('runs every test file under the current folder, one line a case, and exits 0 when all pass', async () => {
    const result = await captureCli(['test'], dir());
    assert.strictEqual(result.stderr, '');
    assert.strictEqual(
      result.stdout,
      [
        'pass .oew/tests/po.eventtest.json › lan cable',
        'pass .oew/tests/po.eventtest.json › monitor',
        'pass .oew/tests/uploads.eventtest.json › upload',
        '3 passed, 0 failed',
        '',
      ].join('\n'),
    );
    assert.strictEqual(result.status, 0);
  });

  it('exits 1 on a failing case, with the deciding clause and the trace under it', async () => {
    write('.oew/tests/wrong.eventtest.json', {
      condition: { eventType: UPLOAD, data: { additionalDetails: { bucketName: 'photos' } } },
      cases: [{ name: 'invoices is not photos', event: '../samples/upload.json', expect: 'match' }],
    });
    const result = await captureCli(['test', '.oew/tests/wrong.eventtest.json'], dir());
    assert.strictEqual(result.status, 1);
    const [line, trace] = result.stdout.split('\n');
    assert.strictEqual(
      line,
      'FAIL .oew/tests/wrong.eventtest.json › invoices is not photos: Expected "match", got "no match": data.additionalDetails.bucketName is "invoices", and the condition wants "photos".',
    );
    assert.match(trace, /^ {7}no match data\.additionalDetails\.bucketName/);
    assert.strictEqual(result.stdout.trim().split('\n').pop(), '0 passed, 1 failed');
  });

  it('exits 2 on invalid input: a problem at FILE:LINE:COL, a case that cannot run, no test file, an unknown option', async () => {
    write('broken/a.eventtest.json', '{ "rule": "x.rule.json", "cases": [ { "name": "a", "event": "gone.json" } ] }');
    const broken = await captureCli(['test', 'broken'], dir());
    assert.strictEqual(broken.status, 2);
    assert.strictEqual(
      broken.stderr,
      'oew test: broken/a.eventtest.json:1:37: error: A case needs "expect": "match" or "no match".\n',
    );
    assert.strictEqual(broken.stdout, '0 passed, 0 failed, 1 could not run\n');
    write('missing/b.eventtest.json', {
      condition: { eventType: UPLOAD },
      cases: [{ name: 'b', event: 'gone.json', expect: 'match' }],
    });
    const missing = await captureCli(['test', 'missing'], dir());
    assert.strictEqual(missing.status, 2);
    assert.match(missing.stdout, /^ERROR missing\/b\.eventtest\.json › b: The event cannot be read: .*gone\.json/);
    const none = await captureCli(['test', 'payloads'], dir());
    assert.deepStrictEqual([none.status, none.stderr], [2, 'oew test: no *.eventtest.json file under payloads.\n']);
    const option = await captureCli(['test', '--reporter=junit'], dir());
    assert.deepStrictEqual(
      [option.status, option.stderr],
      [2, 'oew test: unknown option --reporter. Give files or folders: oew test .oew/tests\n'],
    );
  });
});
